"""The web app and the JSON API: FastAPI over the pipeline and the store."""
