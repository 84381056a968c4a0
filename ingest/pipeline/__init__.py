"""Pipeline: the stages composed for a document and a page, with the database and object store."""
