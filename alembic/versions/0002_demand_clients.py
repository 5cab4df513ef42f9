"""demand: a daily client pseudonym per match event, so report terms need distinct clients

Revision ID: 0002_demand_clients
Revises: 0001
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_demand_clients'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('match_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_key', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('match_event', schema=None) as batch_op:
        batch_op.drop_column('client_key')
