"""Prometheus metrics of a worker: its prefork processes write, the main process serves."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys

from services.core.settings import Settings

log = logging.getLogger(__name__)


def serve_metrics(settings: Settings) -> None:
    """Serve the worker's task and delivery metrics on `worker_metrics_port` (0: not at all).

    Worker processes are forked, so counters go through prometheus_client's multiprocess mode:
    a folder of files per worker, set up before prometheus_client is first imported.
    """
    if settings.worker_metrics_port == 0:
        return
    if "prometheus_client" in sys.modules and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        log.warning("worker metrics are off: prometheus_client was imported too early")
        return
    folder = settings.data_dir.resolve() / "worker-metrics" / str(os.getpid())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)

    from prometheus_client import CollectorRegistry, multiprocess, start_http_server

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(folder))
    try:
        start_http_server(settings.worker_metrics_port, addr=settings.host, registry=registry)
    except OSError as exc:
        log.warning("worker metrics not served on port %d: %s", settings.worker_metrics_port, exc)
        return
    log.info("worker metrics on http://%s:%d/metrics", settings.host, settings.worker_metrics_port)
