"""The public texts the legal content is based on (shared/seeds/).

Titles are quoted as published, so they are not translated; what each is
used for is.
"""
import datetime
from collections import namedtuple

from wizard.messages import N_

# When the legal content (texts, rules, docs/legal-sources.md) was last
# checked against the sources: one date, shown on the Sources page, the
# result and the checklist. Change it only after such a check.
LEGAL_CONTENT_CHECKED = datetime.date(2026, 12, 1)

Source = namedtuple("Source", "seed publisher title date used_for")

SOURCES = (
    Source("000", "VluchtelingenWerk Nederland (RefugeeHelp)",
           "If the IND definitively rejects your asylum application, you may sometimes be able "
           "to submit a new application", "24-03-2026",
           N_("The four checks: new facts, relevance, translation, originals. Talk to a lawyer first; "
              "the costs of a new lawyer.")),
    Source("001", "IND", "Second or following asylum application", "08-01-2024",
           N_("Who can apply again; new elements and findings, also a policy change or a court "
              "judgment; the form is only in Dutch.")),
    Source("002", "VluchtelingenWerk Nederland", "Asylum procedure", None,
           N_("Grounds for asylum; Dublin and protection in another European country; tell the "
              "story of every family member; Nidos; prepare well; originals and translations; do "
              "not travel to Ter Apel before all is ready; the repeat application form.")),
    Source("003", "VluchtelingenWerk Nederland (RefugeeHelp)",
           "The IND will make a decision whether or not to grant you a residence permit",
           "25-06-2026",
           N_("What a negative decision means; talk to a lawyer quickly.")),
    Source("004", "European Union Agency for Asylum (EUAA)",
           "First instance determination - Netherlands", None,
           N_("Article 3.118b Aliens Decree 2000; the completeness check, one week or 4 hours; the "
              "one-day review; the 3- or 6-day procedure; appeal within one week; the provisional "
              "measure; the last-minute procedure within 8 days of a booked departure; decisions "
              "for children. It describes the procedure before the EU Asylum Procedures "
              "Regulation.")),
)

# Public pages the background research found, for the few statements no seed
# covers (docs/legal-sources.md names the statement each one supports).
# Titles are quoted as published, so they are not translated.
RESEARCH_SOURCES = (
    Source(None, "IND", "Repeat asylum application (HASA)", None, None),
    Source(None, "IND", "Translation and legalisation of documents", None, None),
    Source(None, "IND Bureau Documenten", "Onderzoek brondocumenten", None, None),
    Source(None, "Dienst Terugkeer en Vertrek (DT&V)", "Herhaalde of opvolgende asielaanvraag", None, None),
    Source(None, "Raad voor Rechtsbijstand", "Best Practices Leidraad voor asieladvocaten", None, None),
    Source(None, "European Union", "Regulation (EU) 2024/1348 (Asylum Procedures Regulation)", None, None),
)
