# cardfile in a container image, for CI jobs that should not compile it (docs/install-and-ci.md).
#
#   docker build --build-arg CARDFILE_COMMIT="$(git rev-parse --short=12 HEAD)" -t cardfile .
#   docker run --rm -v "$PWD:/work" cardfile check
#
# Two stages: the first compiles, the second holds the binary and git (actions/checkout
# needs git in a job's container to fetch the history the site shows; `cardfile git-setup`
# calls it), on the same Debian release as the first, so the binary finds its C library.

FROM rust:1-bookworm AS build
# The commit `cardfile --version` names (.git is not sent to the build, see .dockerignore).
ARG CARDFILE_COMMIT=""
ENV CARDFILE_COMMIT=${CARDFILE_COMMIT}
WORKDIR /src
COPY . .
RUN cargo install --locked --path . --root /out

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends git ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/bin/cardfile /usr/local/bin/cardfile
WORKDIR /work
ENTRYPOINT ["cardfile"]
CMD ["--help"]
