"""Settings from the environment (prefix-free names, as in the README)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # An external server. When unset, the project runs its own local Neo4j.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    # Client-side deadlines: connection, query and result stream, then a 503 with Retry-After.
    neo4j_read_timeout_seconds: float = Field(default=5.0, gt=0, description=(
        "How long a read (a whole request's queries) may take before it is a 503."))
    neo4j_write_timeout_seconds: float = Field(default=15.0, gt=0, description=(
        "How long a write may take before it is a 503; it then never commits."))
    # The server-side timeout of each transaction, never longer than its deadline.
    neo4j_query_timeout_seconds: float = Field(default=15.0, gt=0)
    neo4j_connect_timeout_seconds: float = Field(default=5.0, gt=0)
    snapshot_settle_seconds: float = Field(default=2.0, ge=0, le=60, description=(
        "A snapshot freezes the graph as recorded this long ago, so a write still committing "
        "cannot change what it froze (writes that run longer are rare; none outlives the write "
        "timeout)."))
    cli_timeout_seconds: float = Field(default=3600.0, gt=0, description=(
        "The deadline of each database call the CLI makes (seed loads, imports, exports)."))

    # The local server that the project starts itself.
    local_neo4j_host: str = "127.0.0.1"
    local_neo4j_port: int = Field(default=7687, ge=1, le=65535)
    local_neo4j_data: Path = PROJECT_ROOT / ".data" / "neo4j"
    local_neo4j_heap: str = "1g"
    local_neo4j_pagecache: str = "512m"
    local_neo4j_start_timeout_seconds: float = 120.0

    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    # Threads per worker for the sync endpoints. Few threads fight less over the GIL:
    # entity reads ran faster with 2 than with anyio's default 40 (bench/README.md).
    api_threads: int = Field(default=4, ge=1, le=256,
                             description="Threads per API worker for blocking database calls.")
    api_workers: int = Field(default=1, ge=1, le=64, description="uvicorn worker processes.")
    base_uri: str = Field(default="http://127.0.0.1:8000",
                          description="Where entity URIs ({BASE_URI}/id/{id}) dereference.")
    reads_require_key: bool = Field(default=False, description="Reads need an API key too.")
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_batch_records: int = Field(default=10_000, ge=1, description=(
        "Records one import may hold (one transaction); more is a 413 (bench/README.md)."))
    request_read_timeout_seconds: float = Field(default=10.0, gt=0, description=(
        "A request must arrive whole (headers and body) this soon after its first byte."))
    max_connections: int = Field(default=1000, ge=1, description=(
        "Open connections and requests per worker; beyond them, a 503."))
    trusted_proxies: list[str] = Field(default=[], description=(
        "Addresses whose X-Forwarded-For is believed; none by default."))
    rate_limit: str = Field(default="600/minute", description="Per verified key, else per address.")
    auth_failure_limit: str = Field(default="30/minute", description=(
        "Failed authentications per address; past it, a 429 without a database read."))
    cors_origins: list[str] = Field(default=["*"], description="Origins allowed to read.")
    dataset_license: str = "https://creativecommons.org/licenses/by/4.0/"

    run_state_file: Path = Field(
        default=PROJECT_ROOT / ".data" / "run.json",
        description="Where `mgraph run` records its pid and the Bolt address it uses; the other "
        "CLI commands talk to that server unless NEO4J_URI says otherwise.")

    schema_dir: Path = PROJECT_ROOT / "graph" / "schema"
    seeds_dir: Path = PROJECT_ROOT / "graph" / "seeds"

    @property
    def uses_local_neo4j(self) -> bool:
        return not self.neo4j_uri

    @property
    def effective_uri(self) -> str:
        return self.neo4j_uri or f"bolt://{self.local_neo4j_host}:{self.local_neo4j_port}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
