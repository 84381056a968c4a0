"""docker/compose.yaml is valid and describes the scale-out deployment (checked with Debian's
docker-compose, which needs no Docker engine for `config`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def config() -> dict:
    exe = shutil.which("docker-compose")
    assert exe, "docker-compose is not installed (make test installs it)"
    proc = subprocess.run([exe, "-f", str(ROOT / "docker" / "compose.yaml"), "config"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return yaml.safe_load(proc.stdout)


def test_compose_has_every_service(config):
    assert set(config["services"]) == {"api", "worker", "beat", "flower", "postgres", "redis", "minio"}
    assert config["services"]["minio"]["image"].startswith("minio/minio")


def test_configuration_is_by_environment_only(config):
    for name in ("api", "worker", "beat"):
        env = config["services"][name]["environment"]
        assert env["SOHOA_DATABASE_URL"].startswith("postgresql+psycopg://")
        assert env["SOHOA_BROKER_URL"].startswith("redis://")
        assert env["SOHOA_STORAGE_URL"].startswith("s3://")
        assert "volumes" not in config["services"][name]


def test_worker_can_be_scaled(config):
    worker = config["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker
    assert worker["command"][:2] == ["sohoa", "worker"]
    assert worker["depends_on"]["api"]["condition"] == "service_healthy"


def test_image_has_tesseract_vietnamese_and_the_project():
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    for needed in ("tesseract-ocr-vie", "poppler-utils", "pip install --no-cache-dir .",
                   "OMP_THREAD_LIMIT=1"):
        assert needed in dockerfile
