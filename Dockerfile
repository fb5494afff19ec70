# Production image (see compose.yaml and docs/deployment.md).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
RUN DJANGO_SETTINGS_MODULE=ledenportaal.settings.production SECRET_KEY=build-only ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput
RUN useradd --create-home portal && chown -R portal /app
USER portal
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "ledenportaal.wsgi"]
