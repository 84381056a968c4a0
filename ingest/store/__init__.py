"""Store: object storage, the database and its migrations, documents, dossiers, users."""
