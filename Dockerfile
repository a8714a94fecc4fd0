# pressroom: the Discord bot in a small runtime image.
#   docker build -t pressroom .
#   docker run -e DISCORD_TOKEN=… -v pressroom-state:/var/lib/pressroom pressroom
# Every step is one the README's commands run by hand: `cargo build --release --locked`, then
# the binary with data/ and config/ beside it.

FROM rust:1.90-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY benches ./benches
COPY config ./config
COPY data ./data
RUN cargo build --release --locked --bin pressroom

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /var/lib/pressroom --create-home pressroom
WORKDIR /app
COPY --from=build /src/target/release/pressroom /usr/local/bin/pressroom
COPY data ./data
COPY config ./config
# The study-session database lives on a volume; the token comes from the environment only.
ENV PRESSROOM__STORE__PATH=/var/lib/pressroom/pressroom.sqlite3
VOLUME /var/lib/pressroom
USER pressroom
ENTRYPOINT ["pressroom"]
CMD ["serve"]
