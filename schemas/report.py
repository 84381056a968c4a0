"""The centre's monthly report (Decree 61/2018 Art. 9(3)) as figures: dossiers received, resolved on time
or late, in progress, returned, online, at level 3-4, ratings, and what was digitised (Decree 45/2020).
Every figure is a count but `digitisation_rate`; the printable forms compute the shares."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Figures(BaseModel):
    """A period's figures, for the centre or for one agency (definitions in `ingest.report.figures`)."""

    total: int = Field(description="dossiers handled: received by the end, and not resolved before the start")
    carried_over: int = Field(description="of the total, received before the start")
    received: int = Field(description="of the total, received in the period")
    resolved: int = Field(description="resolved in the period (returned and withdrawn included)")
    resolved_on_time: int = Field(description="resolved by their due date")
    resolved_late: int
    in_progress: int = Field(description="of the total, not resolved by the end")
    in_progress_on_time: int
    in_progress_overdue: int = Field(description="in progress and due before the end")
    returned: int = Field(description="resolved as returned or withdrawn")
    online: int = Field(description="of the total, handed in online")
    level34: int = Field(description="of the total, at service level 3 or 4")
    ratings: int = Field(description="ratings given in the period")
    satisfied: int = Field(description="rated very satisfied or satisfied")
    not_satisfied: int
    results_digitised: int = Field(description="resolved dossiers with a linked result document that is done")
    digitisation_rate: float = Field(description="results_digitised / resolved (0 when nothing was resolved)")
    unlinked_results: int = Field(description="documents done in the period linked to no known dossier")


class Report(Figures):
    """What `sohoa report --json` prints: the figures of the centre (or of the agency asked for), and the
    same figures of each agency."""

    by_agency: dict[str, Figures] = Field(default_factory=dict)
