"""Report: the centre's monthly report — the period's figures by SQL aggregation over the dossiers, the
ratings and the digitised results, and the printable report (PDF, DOCX, XLSX) with its charts."""
