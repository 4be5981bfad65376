# The API image. Neo4j runs in its own container (docker-compose.yml), so this
# image needs neither Java nor Maven: NEO4J_URI points at that server.
FROM python:3.11-slim
WORKDIR /srv
COPY pyproject.toml README.md ./
COPY app ./app
COPY graph/schema ./graph/schema
COPY graph/seeds ./graph/seeds
COPY queries ./queries
# Editable install: the app finds queries/ and graph/ beside itself in /srv.
RUN pip install --no-cache-dir -e .
ENV API_HOST=0.0.0.0 API_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=10 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health').status != 200)"
CMD ["mgraph", "run"]
