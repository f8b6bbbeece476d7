"""Who may prepare a subject-access export: the head and the auditor (DPO)."""

import rules

from ostoja.accounts.permissions import is_auditor, is_head

rules.add_perm("audit.export_subject_data", is_head | is_auditor)
