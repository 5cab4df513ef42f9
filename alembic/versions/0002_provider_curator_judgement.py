"""providers carry curator_judgement (the fields no source states)

Revision ID: 0002_provider_curator_judgement
Revises: 0002_demand_clients
Create Date: 2026-12-01 11:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002_provider_curator_judgement'
down_revision: str | None = '0002_demand_clients'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PORTABLE_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('provider') as batch:
        batch.add_column(sa.Column('curator_judgement', PORTABLE_JSON, nullable=False, server_default='[]'))
    with op.batch_alter_table('provider') as batch:
        batch.alter_column('curator_judgement', server_default=None, existing_type=PORTABLE_JSON)


def downgrade() -> None:
    with op.batch_alter_table('provider') as batch:
        batch.drop_column('curator_judgement')
