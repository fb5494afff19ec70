"""Structured (JSON lines) logging for production, so log collectors can parse fields."""

import json
import logging
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in ("status_code", "method", "path"):
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry.setdefault("path", request.path)
            entry.setdefault("method", request.method)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
