# syntax=docker/dockerfile:1
# One image for every role: `--role=api`, `--role=worker`, and the one-shot `migrate` / `seed-demo` commands
# (see deploy/docker/entrypoint.mjs). Build: `docker build -t healthcode .`  Run: see docker-compose.yml.

# ---- build: install everything, build the API, the libraries, the console and the mini-program's H5 ----------
FROM node:20.20-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 (a dev dependency of the toolchain) compiles from source; argon2 ships prebuilt binaries.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV NX_NO_CLOUD=true NX_DAEMON=false
# The manifests first, so the install layer is reused until a dependency changes.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/console/package.json apps/console/
COPY apps/miniapp/package.json apps/miniapp/
COPY libs/code-view/package.json libs/code-view/
COPY libs/contracts/package.json libs/contracts/
COPY libs/qr-token/package.json libs/qr-token/
COPY libs/regions/package.json libs/regions/
COPY libs/rules/package.json libs/rules/
COPY libs/seed/package.json libs/seed/
COPY tools/bench/package.json tools/bench/
COPY tools/e2e/package.json tools/e2e/
COPY tools/lint/package.json tools/lint/
RUN npm ci --no-audit --no-fund
COPY . .
RUN NODE_ENV=production npx nx run-many -t build build:h5 --parallel=2 \
 && test -f apps/api/dist/apps/api/src/main.js \
 && test -f apps/console/dist/index.html \
 && test -f apps/miniapp/dist/h5/index.html

# ---- deps: only the API's production dependencies (no React, Taro, Vite, jest or TypeScript) --------------------
FROM node:20.20-bookworm-slim AS deps
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/package.json /src/package-lock.json ./
COPY --from=build /src/apps/api/package.json apps/api/
COPY --from=build /src/apps/console/package.json apps/console/
COPY --from=build /src/apps/miniapp/package.json apps/miniapp/
COPY --from=build /src/libs/code-view/package.json libs/code-view/
COPY --from=build /src/libs/contracts/package.json libs/contracts/
COPY --from=build /src/libs/qr-token/package.json libs/qr-token/
COPY --from=build /src/libs/regions/package.json libs/regions/
COPY --from=build /src/libs/rules/package.json libs/rules/
COPY --from=build /src/tools/bench/package.json tools/bench/
COPY --from=build /src/libs/seed/package.json libs/seed/
COPY --from=build /src/tools/e2e/package.json tools/e2e/
COPY --from=build /src/tools/lint/package.json tools/lint/
# argon2's prebuilt binary crashed (SIGSEGV on the first hash) on the Node 20.20 machines this was tested on:
# compile it against the image's own Node instead.
RUN npm ci --omit=dev --workspace=@healthcode/api --no-audit --no-fund \
 && npm_config_build_from_source=true npm rebuild argon2 \
 && node -e "require('argon2').hash('probe').then(() => process.exit(0))"

# ---- runtime: slim, non-root, built output only ----------------------------------------------------------------
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HC_MODE=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0 \
    CONSOLE_DIST=/app/apps/console/dist \
    MINIAPP_DIST=/app/apps/miniapp/dist/h5 \
    DEV_KEYS_FILE=/app/.healthcode/dev-keys.json \
    APPEAL_EVIDENCE_DIR=/app/.healthcode/evidence
# Printed cards (issue #19) embed a subset of a CJK font: CARD_FONT_PATH defaults to Debian's Noto Sans CJK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps /src/node_modules ./node_modules
COPY --from=build /src/package.json ./
COPY --from=build /src/apps/api/package.json apps/api/
COPY --from=build /src/apps/api/dist apps/api/dist
COPY --from=build /src/libs/contracts/package.json libs/contracts/
COPY --from=build /src/libs/contracts/dist libs/contracts/dist
COPY --from=build /src/libs/qr-token/package.json libs/qr-token/
COPY --from=build /src/libs/qr-token/dist libs/qr-token/dist
COPY --from=build /src/libs/regions/package.json libs/regions/
COPY --from=build /src/libs/regions/dist libs/regions/dist
COPY --from=build /src/libs/rules/package.json libs/rules/
COPY --from=build /src/libs/rules/dist libs/rules/dist
COPY --from=build /src/libs/seed/package.json libs/seed/
COPY --from=build /src/libs/seed/dist libs/seed/dist
COPY --from=build /src/apps/console/dist apps/console/dist
COPY --from=build /src/apps/miniapp/dist/h5 apps/miniapp/dist/h5
COPY --from=build /src/deploy/docker/entrypoint.mjs deploy/docker/entrypoint.mjs
# The only writable place: demo keys and local evidence files (a volume in compose). The code stays root-owned.
RUN mkdir -p /app/.healthcode && chown node:node /app/.healthcode
USER node
EXPOSE 8080 9464
ENTRYPOINT ["node", "/app/deploy/docker/entrypoint.mjs"]
CMD ["--role=api"]
