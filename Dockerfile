# NormFlix image: the app (server.ts, as `npm start` runs it) and, with another command, the transcode worker.
# See docs/DEPLOYMENT.md and compose.yaml.
#   docker build -t normflix .
#   docker run -p 3000:3000 -v normflix-data:/data normflix        # embedded database, one process
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# The system ffmpeg (the npm-shipped static build stays as the fallback); tini reaps ffmpeg children and forwards
# SIGTERM so a stopping container drains its requests.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg tini \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data /media \
  && chown node:node /data /media
WORKDIR /app
COPY --from=build --chown=node:node /app ./
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# `npm start` without its rebuild check: the image was built above. The worker: the same image with
#   command: ["node", "--import", "tsx", "--import", "./scripts/register-hooks.mjs", "worker.ts"]
CMD ["node", "--import", "tsx", "--import", "./scripts/register-hooks.mjs", "server.ts"]
