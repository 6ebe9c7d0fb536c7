# syntax=docker/dockerfile:1
# Production image for the API and the standalone projector (same image, different CMD).
#   API:       node dist/apps/api/src/main.js        (default)
#   Projector: node dist/apps/projector/src/main.js  (see docker-compose.yml)

FROM node:22.22.2-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled from source (.prebuild-installrc: buildFromSource=true), so node-gyp needs a toolchain.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .prebuild-installrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build \
 && npm prune --omit=dev

FROM node:22.22.2-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data
# DATA_DIR holds the embedded SQLite file and the generated dev secret when no external stores are configured.
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
