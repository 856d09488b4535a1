"""Synthetic, reproducible demo data for one store (``python main.py demo-data``).

Everything is drawn from random streams derived from one seed, so the same
seed on the same day gives the same store: staff of every role, customers
aged 22-60 (mostly 25-45) with valid-checksum fake resident ID numbers and
mobile numbers, vehicles with valid VINs, and consultations spread over the
twelve months before ``today`` at every funnel stage, with the drop-off and
rejection mix of DOMAIN.md.

The package is a generator around the real rules, never a copy of them: every
figure comes from ``lending`` with the store's settings and catalogue (the
grade from ``lending.qualification.qualify``, the appraisal from
``lending.appraisal.appraise``, each plan's rate from the product's rate sheet
via ``lending.eligibility.loan_terms``, its schedule and APR from
``lending.schedule``, affordability from ``lending.compliance``'s DTI rule), and
the rows are written by the one bulk writer, :class:`db.bulk_writer.BulkWriter`
(the benchmark's too), and built by the same row builders as
:mod:`db.services.bulk`'s checked imports.  Personal data goes through the
database's field cipher exactly as the services store it.  (Ciphertexts use
random nonces, so two runs give the same *content*, not the same bytes.)

Modules, by job:

* :mod:`~db.demo.vocabulary` - names, places, vehicles, staff, outcome shares;
* :mod:`~db.demo.draws` - reproducible random draws;
* :mod:`~db.demo.clock` - the store's time zone, "now" and visit times;
* :mod:`~db.demo.tables` - the tables filled, in insert order, and their writer;
* :mod:`~db.demo.figures` - the calls into ``lending`` (cached where pure);
* :mod:`~db.demo.store` - the store to fill and what the generator knows of it;
* :mod:`~db.demo.people` / :mod:`~db.demo.steps` / :mod:`~db.demo.generator` -
  customers, the rows of each flow step, the life of a consultation;
* :mod:`~db.demo.tasks` - independent tasks, in worker processes when possible;
* :mod:`~db.demo.load` - :func:`load_demo_data`, one transaction.

Speed: rows are generated in batches and written with one compiled
``executemany`` per table inside one transaction (explicit primary keys, so no
round trip per row); 100,000 consultations load in well under a minute.
"""

from db.demo.clock import STORE_TZ, contact_times, data_cutoff
from db.demo.figures import fast_appraise
from db.demo.generator import DemoGenerator
from db.demo.load import bulk_pragmas, load_demo_data
from db.demo.store import DemoSummary, StoreContext, ensure_store, store_context
from db.demo.tables import TABLE_ORDER, Rows, demo_writer, table
from db.demo.tasks import TASK_SIZE, Assembler, TaskSpec, run_task
from db.demo.vocabulary import (
    CONSENT_PURPOSE,
    DEMO_PASSWORD,
    DEMO_STORE_NAME,
    LOST_CATEGORY_LABELS,
    REJECTION_MIX,
)

__all__ = [
    "CONSENT_PURPOSE",
    "DEMO_PASSWORD",
    "DEMO_STORE_NAME",
    "LOST_CATEGORY_LABELS",
    "REJECTION_MIX",
    "STORE_TZ",
    "TABLE_ORDER",
    "TASK_SIZE",
    "Assembler",
    "DemoGenerator",
    "DemoSummary",
    "Rows",
    "StoreContext",
    "TaskSpec",
    "bulk_pragmas",
    "contact_times",
    "data_cutoff",
    "demo_writer",
    "ensure_store",
    "fast_appraise",
    "load_demo_data",
    "run_task",
    "store_context",
    "table",
]
