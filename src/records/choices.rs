//! The enumerations of the record format, each with its allowed spellings.

/// A set of named values a key may take, such as `kind = "visit"`.
pub trait Choice: Sized + Copy + 'static {
    /// Every allowed spelling with its value, in the order the docs list them.
    const ALL: &'static [(&'static str, Self)];
}

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant,)* }

        impl Choice for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($text, $name::$variant),)*];
        }

        impl $name {
            /// The spelling used in records and output.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

choice!(
    /// Company or person (`kind`).
    CustomerKind { /** A company. */ Company = "company", /** A private person. */ Person = "person" }
);
choice!(
    /// How close the relationship is (`relationship`).
    Relationship {
        /** Sells and forgets. */ Basic = "basic",
        /** The customer calls when there is a problem. */ Reactive = "reactive",
        /** We call after the sale to check. */ Accountable = "accountable",
        /** We call regularly with ideas. */ Proactive = "proactive",
        /** We work together continuously. */ Partner = "partner",
    }
);
choice!(
    /// A contact's role in buying (`role`).
    ContactRole {
        /** Signs off. */ Approver = "approver",
        /** Decides. */ DecisionMaker = "decision-maker",
        /** Evaluates offers. */ Evaluator = "evaluator",
        /** Uses the product. */ User = "user",
        /** Anyone else. */ Other = "other",
    }
);
choice!(
    /// A contact's attitude towards us (`stance`).
    Stance {
        /** Works for us. */ Ally = "ally",
        /** Favours us. */ Supporter = "supporter",
        /** Neither. */ Neutral = "neutral",
        /** Against us. */ Opponent = "opponent",
        /** Not known. */ Unknown = "unknown",
    }
);
choice!(
    /// What kind of contact an interaction was (`kind`).
    InteractionKind {
        /** A visit. */ Visit = "visit",
        /** A phone call. */ Call = "call",
        /** A chat message. */ Message = "message",
        /** An e-mail. */ Email = "email",
        /** A meeting. */ Meeting = "meeting",
        /** An event. */ Event = "event",
    }
);
choice!(
    /// How serious a complaint is (`severity`).
    Severity { /** Minor. */ Low = "low", /** Normal. */ Medium = "medium", /** Serious. */ High = "high" }
);
choice!(
    /// What a complaint concerns (`category`).
    ComplaintCategory {
        /** The product. */ Product = "product",
        /** Delivery. */ Delivery = "delivery",
        /** Service. */ Service = "service",
        /** Someone's attitude. */ Attitude = "attitude",
        /** The price. */ Price = "price",
        /** Invoices and payments. */ Billing = "billing",
        /** Anything else. */ Other = "other",
    }
);
choice!(
    /// Why a customer was lost (`reason` in `[loss]`).
    LossReason {
        /** Moved away. */ Moved = "moved",
        /** Went to a competitor. */ Competitor = "competitor",
        /** Price. */ Price = "price",
        /** The product. */ Product = "product",
        /** Our service. */ Service = "service",
        /** Someone's attitude. */ Attitude = "attitude",
        /** Anything else. */ Other = "other",
    }
);
choice!(
    /// Where an opportunity stands (`stage`).
    Stage {
        /** A first lead. */ Lead = "lead",
        /** An offer was made. */ Quoted = "quoted",
        /** Terms are discussed. */ Negotiating = "negotiating",
        /** Won. */ Won = "won",
        /** Lost. */ Lost = "lost",
    }
);

choice!(
    /// Why an opportunity was won or lost (`reason` in `[[opportunity]]`).
    OutcomeReason {
        /** The price. */ Price = "price",
        /** The product. */ Product = "product",
        /** Our service. */ Service = "service",
        /** The relationship. */ Relationship = "relationship",
        /** The timing. */ Timing = "timing",
        /** A competitor. */ Competitor = "competitor",
        /** Anything else. */ Other = "other",
    }
);

impl Stage {
    /// Whether the opportunity is decided (won or lost).
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }
}

impl ContactRole {
    /// Decision-makers and approvers: the people who decide a purchase.
    pub fn decides(self) -> bool {
        matches!(self, ContactRole::DecisionMaker | ContactRole::Approver)
    }
}

choice!(
    /// The language of the site and of explanations (`language` in settings).
    Language { /** English. */ En = "en", /** Simplified Chinese. */ ZhCn = "zh-CN" }
);
