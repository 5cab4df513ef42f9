"""Request ids, JSON access logs with timing, and Prometheus metrics by route template."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.middleware.observability import JsonFormatter, logging_config


def _sample(exposition: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return float(sample.value)
    return 0.0


def test_metrics_count_requests_by_route_template_and_status(client: TestClient) -> None:
    def count(route: str, status: str) -> float:
        text = client.get("/metrics").text
        return _sample(text, "navigator_http_requests_total", method="GET", route=route, status=status)

    before_ok, before_missing = count("/v1/offers/{slug}", "200"), count("/v1/offers/{slug}", "404")
    client.get("/v1/offers/alpha-lab")
    client.get("/v1/offers/beta-general")
    client.get("/v1/offers/no-such-offer")
    assert count("/v1/offers/{slug}", "200") == before_ok + 2
    assert count("/v1/offers/{slug}", "404") == before_missing + 1


def test_metrics_exposition_has_latency_histograms_and_the_catalogue_version(client: TestClient) -> None:
    stamp = client.get("/readyz").json()["catalogue_version"]
    client.get("/v1/offers")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = response.text
    assert 'navigator_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/v1/offers"}' in text
    assert _sample(text, "navigator_catalogue_info", stamp=stamp) == 1.0
    assert _sample(text, "navigator_catalogue_offers") == 7.0


def test_unmatched_paths_share_one_label_so_scanners_cannot_explode_the_series(client: TestClient) -> None:
    client.get("/wp-admin/setup.php")
    text = client.get("/metrics").text
    assert "/wp-admin" not in text
    assert _sample(text, "navigator_http_requests_total", method="GET", route="<unmatched>", status="404") >= 1


def test_access_log_line_carries_request_id_route_status_and_timing(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        response = client.get("/v1/offers/alpha-lab", headers={"X-Request-ID": "trace-42"})
    assert response.headers["x-request-id"] == "trace-42"
    assert response.headers["server-timing"].startswith("app;dur=")
    records = [r for r in caplog.records if r.name == "app.access"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == "trace-42"
    assert line["route"] == "/v1/offers/{slug}" and line["path"] == "/v1/offers/alpha-lab"
    assert line["status"] == 200 and line["method"] == "GET"
    assert line["duration_ms"] >= 0 and line["response_bytes"] > 0
    assert line["level"] == "info" and line["time"].endswith("+00:00")


def test_generated_request_id_is_logged_and_returned(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        response = client.get("/healthz")
    [record] = [r for r in caplog.records if r.name == "app.access"]
    assert getattr(record, "request_id", None) == response.headers["x-request-id"]


def test_logging_config_silences_uvicorns_duplicate_access_log() -> None:
    config = logging_config(json_logs=True)
    assert config["loggers"]["uvicorn.access"]["handlers"] == []
    assert config["formatters"]["default"]["()"] == "app.middleware.observability.JsonFormatter"
    assert "format" in logging_config(json_logs=False)["formatters"]["default"]
