# musicdl as a slim, shell-less image: the compiled binary and a static ffmpeg on distroless (non-root).
# VERSION (the image's version label) must be package.json's version; the build stops when it is missing or stale:
#   docker build -f musicdl.Dockerfile --build-arg VERSION="$(grep -m1 '"version"' package.json | cut -d'"' -f4)" -t musicdl .
# or `bun run docker:build`, which does the same. Running it: see README.md, "Docker".

ARG BUN_VERSION=1.4.5
ARG FFMPEG_IMAGE=mwader/static-ffmpeg:7.1.1
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot

FROM oven/bun:${BUN_VERSION}-debian AS build
WORKDIR /src
COPY package.json bun.lock ./
# Only what the binary bundles: no dev tools, and no optional ffmpeg-static (the image brings its own ffmpeg).
RUN bun install --frozen-lockfile --production --omit=optional --ignore-scripts
COPY tsconfig.json bunfig.toml ./
COPY src ./src
COPY plugins ./plugins
ARG VERSION
RUN bun build src/main.ts --compile --minify --bytecode --format=esm --outfile /out/musicdl \
 && built="$(/out/musicdl --version)" \
 && if [ "$built" != "$VERSION" ]; then \
      echo "musicdl.Dockerfile: --build-arg VERSION='$VERSION' but package.json says '$built'; build with --build-arg VERSION=$built (or: bun run docker:build)" >&2; \
      exit 1; \
    fi
# The volumes' mount points, so the runtime stage (which has no shell to mkdir with) can copy them in owned by 65532:
# Docker fills a fresh named or anonymous volume from the image's folder, owner included.
RUN mkdir -p /out/mounts/music /out/mounts/config /out/mounts/state

FROM ${FFMPEG_IMAGE} AS ffmpeg

FROM ${RUNTIME_IMAGE}
ARG VERSION
LABEL org.opencontainers.image.title="musicdl" \
      org.opencontainers.image.description="Keep a local music library in step with Spotify" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://github.com/musicdl/musicdl" \
      org.opencontainers.image.base.name="gcr.io/distroless/cc-debian12:nonroot"
COPY --from=build /out/musicdl /usr/local/bin/musicdl
COPY --from=ffmpeg /ffmpeg /ffprobe /usr/local/bin/
COPY --from=build --chown=65532:65532 /out/mounts/ /
# Config and plugins under /config/musicdl/, cache and plan state under /state/musicdl/, music in /music.
ENV MUSICDL_FFMPEG=/usr/local/bin/ffmpeg \
    XDG_CONFIG_HOME=/config \
    XDG_CACHE_HOME=/state \
    HOME=/state
VOLUME ["/music", "/config", "/state"]
WORKDIR /music
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/musicdl"]
CMD ["download", "--output", "/music"]
