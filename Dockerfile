# vpclint in a container: docker build -t vpclint . && docker run --rm -v "$PWD:/src" vpclint .
# The build stage only calls packaging/release (tested in CI); the image holds
# the static binary and nothing else of the build.
FROM debian:bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake ninja-build pkg-config git ca-certificates python3 help2man dpkg-dev file \
      libyaml-cpp-dev nlohmann-json3-dev libre2-dev libcli11-dev catch2 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY . .
RUN packaging/release

FROM debian:bookworm-slim
COPY --from=build /build/build-release/vpclint /usr/local/bin/vpclint
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin vpclint
USER vpclint
WORKDIR /src
ENTRYPOINT ["vpclint"]
