# syntax=docker/dockerfile:1.7
# musicdl as a slim, shell-less image: the compiled binary and a static ffmpeg on distroless (non-root).
#   docker build -f musicdl.Dockerfile -t musicdl .
#   docker run --rm -v "$PWD/music:/music" -v "$PWD/config:/config" -v "$PWD/state:/state" \
#     -e SPOTIFY_CLIENT_ID -e SPOTIFY_CLIENT_SECRET musicdl

ARG BUN_VERSION=1.4.5
ARG FFMPEG_IMAGE=mwader/static-ffmpeg:7.1.1
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot

FROM oven/bun:${BUN_VERSION}-debian AS build
WORKDIR /src
COPY package.json bun.lock ./
RUN bun install --frozen-lockfile --ignore-scripts
COPY tsconfig.json bunfig.toml ./
COPY src ./src
COPY plugins ./plugins
RUN bun build src/main.ts --compile --minify --bytecode --format=esm --outfile /out/musicdl \
 && /out/musicdl --version

FROM ${FFMPEG_IMAGE} AS ffmpeg

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="musicdl" \
      org.opencontainers.image.description="Keep a local music library in step with Spotify" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://github.com/musicdl/musicdl" \
      org.opencontainers.image.base.name="gcr.io/distroless/cc-debian12:nonroot"
COPY --from=build /out/musicdl /usr/local/bin/musicdl
COPY --from=ffmpeg /ffmpeg /ffprobe /usr/local/bin/
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
