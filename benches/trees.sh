# Sourced by the benchmark scripts: the generated trees they share. Needs DATA, SEED, REGEN
# (1: generate again even when the tree exists) and GENERATE (the generator binary).

tree_for() { # tree_for N: generates (or reuses) the tree of N customers, prints its path
    local n=$1 dir=$DATA/$1
    local stamp="customers=$n seed=$SEED generator=$(sha256sum examples/generate.rs | cut -c1-16)"
    if [[ ${REGEN:-0} == 1 || ! -f $dir/.generated || $(cat "$dir/.generated") != "$stamp" ]]; then
        echo "generating $n customers into $dir ..." >&2
        mkdir -p "$dir"
        rm -f "$dir/.generated"
        "$GENERATE" --customers "$n" --out "$dir" --seed "$SEED" --force >&2
        echo "$stamp" >"$dir/.generated" # a dot-file: cardfile ignores it
    fi
    echo "$dir"
}
