"""Every choice the wizard knows, defined once: its value (the answer
contract in DESIGN.md §3) and its label.

Labels are English message ids wrapped in N_() so `pybabel extract` finds
them; they are translated where they are shown (forms, review, checklist).
This module knows nothing of Flask.
"""
import functools
from collections import namedtuple

from wizard.messages import N_


Choice = namedtuple("Choice", "value label hint", defaults=(None,))

# The limits on what one person can add: keep the encrypted state small
# enough for one browser cookie (about 4 KB).
MAX_FACTS = 8
MAX_DOCUMENTS = 10
MAX_NOTE_LENGTH = 100
# A departure date further away than ten years is a typing mistake.
MAX_DEPARTURE_DAYS = 3650

YES_NO = (
    Choice("yes", N_("Yes")),
    Choice("no", N_("No")),
)

YES_NO_UNSURE = YES_NO + (Choice("unsure", N_("I am not sure")),)

PREVIOUS_OUTCOME = (
    Choice("rejected", N_("The IND rejected it")),
    Choice("permit_withdrawn", N_("I had an asylum permit, and the IND took it away")),
    Choice("withdrawn_by_you", N_("I withdrew the application myself")),
    Choice(
        "dublin_not_examined",
        N_("The IND did not look at my reasons, because another EU country was responsible (Dublin)"),
    ),
    Choice("pending", N_("There is no decision yet")),
    Choice("granted", N_("I got an asylum permit and I still have it")),
    Choice("unsure", N_("I am not sure")),
)

APPEAL = (
    # Seed 004: after the court, an onward appeal to the Council of State is possible.
    Choice("none_or_finished", N_("No. There is no court case any more, also not at the Council of State (Raad van State)")),
    Choice("pending", N_("Yes. A court case (appeal) is still running, at a court or at the Council of State")),
    Choice("deadline_open", N_("The time to appeal has not ended yet")),
    Choice("unsure", N_("I am not sure")),
)

EARLIER_REPEAT_APPLICATIONS = (
    Choice("none", N_("No. This would be my first repeat application")),
    Choice("one_or_more", N_("Yes. I made one or more repeat applications before")),
    Choice("unsure", N_("I am not sure")),
)

# "Does any of this apply to you?": each choice is "question:answer" for one
# of three rarely-yes questions; what is not ticked is "no". "none" stands alone.
CIRCUMSTANCES = (
    Choice("protection_elsewhere:yes", N_("I have protection (asylum) in another EU country")),
    Choice("protection_elsewhere:unsure",
           N_("I may have protection in another EU country, but I am not sure")),
    Choice("ukraine_temporary_protection:yes",
           N_("I have temporary protection in the Netherlands as a refugee from Ukraine")),
    Choice("returned_home:yes",
           N_("Since the rejection, I went back to my own country, and I can prove it"),
           N_("For example with stamps in your passport. Your lawyer needs to know.")),
    Choice("none", N_("None of these")),
)

REMOVAL = (
    Choice("none", N_("No")),
    Choice("planned_no_date", N_("Yes, but there is no date yet")),
    Choice("flight_booked", N_("Yes, and a flight is booked")),
    Choice("unsure", N_("I am not sure")),
)

# The reasons a person fears return. The same values name the groups a
# fact can concern (the contract's facts[].group).
REASONS = (
    Choice("political", N_("My political opinion or activity")),
    Choice("religion", N_("My religion or belief, or leaving a religion")),
    Choice("ethnicity_nationality", N_("My ethnic group or nationality")),
    Choice("social_group", N_("A group I belong to (for example my family or clan)")),
    Choice("sexual_orientation_gender_identity", N_("My sexual orientation or gender identity (LGBTQIA+)")),
    Choice("gender", N_("Being a woman or a girl (for example forced marriage or female genital mutilation)")),
    Choice("journalist_activist", N_("My work as a journalist or activist")),
    Choice("war_violence", N_("War or violence in my country or region")),
    Choice("death_penalty_torture", N_("The death penalty, torture or inhuman treatment")),
    Choice("trauma_medical", N_("Trauma or a medical problem")),
    Choice("other", N_("Another reason")),
)

GROUPS = (
    Choice("political", N_("People with a political opinion, or members of a political party")),
    Choice("religion", N_("People of a religion or belief, or people who left a religion")),
    Choice("ethnicity_nationality", N_("People of an ethnic group or nationality")),
    Choice("social_group", N_("Another social group (for example a family or clan)")),
    Choice("sexual_orientation_gender_identity", N_("LGBTQIA+ people")),
    Choice("gender", N_("Women or girls")),
    Choice("journalist_activist", N_("Journalists or activists")),
    Choice("war_violence", N_("People from a region with war or violence")),
    Choice("death_penalty_torture", N_("People who risk the death penalty or torture")),
    Choice("trauma_medical", N_("People with a medical problem")),
    Choice("other", N_("Another group")),
)

FACT_KINDS = (
    Choice("new_document", N_("I have new documents"),
           N_("For example a membership card of a party or church, a medical report, a police report")),
    Choice("country_change", N_("The situation in my country changed"),
           N_("For example a war broke out, or it became more dangerous for people like me")),
    Choice("personal_situation", N_("My own situation changed"),
           N_("For example I converted, or I became politically active")),
    # A change in the family is asked "whom does it concern" like any other
    # fact: a daughter born here may be at risk of FGM (DESIGN.md §2 block 4).
    Choice("family_change", N_("My family changed"),
           N_("For example a child was born, I married, or I have a new relationship")),
    Choice("policy_change", N_("The Dutch policy for my country changed")),
    Choice("court_judgment", N_("A court made a judgment that matters for people like me")),
    Choice("undisclosed_information", N_("Something I knew before, but did not tell the IND"),
           N_("The lawyer will ask why you did not tell it before")),
    # Seed 000: a job in the Netherlands is new, but not relevant.
    Choice("life_in_netherlands", N_("My life in the Netherlands"),
           N_("For example a job here")),
)

NEW_SINCE_DECISION = (
    Choice("yes", N_("Yes. It happened, or I got it, after the decision")),
    Choice("no", N_("No. I had it or knew it before the decision")),
    Choice("unsure", N_("I am not sure")),
)

CONCERNS = (
    Choice("you_personally", N_("Me personally")),
    Choice("everyone", N_("Everyone in my country or region (for example war)")),
    Choice("group", N_("A group of people (for example journalists, a religion, women)")),
)

DOCUMENT_KINDS = (
    Choice("identity", N_("An identity document (passport, ID card, birth certificate)")),
    Choice("membership", N_("A membership card (party, church, organisation)")),
    Choice("political_activity", N_("Proof of political activity (photos of meetings, letters)")),
    Choice("medical_report", N_("A medical report")),
    Choice("police_report", N_("A police report or a report of violence or threats")),
    Choice("court_or_arrest_document", N_("A court document, summons or arrest warrant")),
    Choice("threat", N_("A threat (letter or message)")),
    Choice("news_or_report", N_("A news article or a report about my country")),
    Choice("other", N_("Another document")),
)

# The IND reads these four languages (seed 000).
READABLE_LANGUAGES = ("nl", "en", "de", "fr")


def settled_translation(language, translation):
    """The translation answer that stands for a document's language: none is
    needed in a language the IND reads (seed 000); a "not needed" left over
    from an earlier language answer must be asked again (None)."""
    if language in READABLE_LANGUAGES:
        return "not_needed"
    if translation == "not_needed":
        return None
    return translation

DOCUMENT_LANGUAGES = (
    Choice("nl", N_("Dutch")),
    Choice("en", N_("English")),
    Choice("de", N_("German")),
    Choice("fr", N_("French")),
    Choice("other", N_("Another language")),
)

TRANSLATIONS = (
    Choice("not_needed", N_("No translation needed")),
    Choice("sworn", N_("Yes, by a sworn translator in the Netherlands (beëdigd vertaler)")),
    Choice("legalised_abroad", N_("Yes, a legalised translation made abroad")),
    Choice("not_sworn", N_("Yes, but not by a sworn translator (for example a friend)")),
    Choice("none", N_("No, there is no translation")),
)

# The translation question only asks about the choices a person can make.
TRANSLATIONS_ASKED = tuple(c for c in TRANSLATIONS if c.value != "not_needed")

DOCUMENT_FORMS = (
    Choice("original", N_("I have the original")),
    Choice("original_coming", N_("The original is on its way to me")),
    Choice("copy", N_("Only a copy")),
    Choice("photo", N_("Only a photo")),
    Choice("digital", N_("Only a digital file or scan")),
)

RECEIVED = (
    Choice("post", N_("By post (keep the envelope)")),
    Choice("courier", N_("By courier (keep the receipt)")),
    Choice("person", N_("Someone brought it to me")),
    Choice("digital", N_("By e-mail or phone")),
    Choice("self", N_("I had it with me or fetched it myself")),
    Choice("other", N_("Another way")),
)

# Seed 002: tell the story of every family member, children with their own
# reasons; a person under 18 alone has a guardian from Nidos.
APPLYING_FOR = (
    Choice("me_alone", N_("Only for me")),
    Choice("with_children", N_("For me and my children")),
    Choice("minor_alone", N_("For me. I am under 18 and in the Netherlands without my parents")),
)

LAWYER = (
    Choice("previous_will_help", N_("Yes, and my previous lawyer will help me")),
    Choice("previous_declined", N_("Yes, but my previous lawyer will not help me")),
    Choice("not_asked", N_("No, I have not asked my previous lawyer yet")),
    Choice("no_lawyer", N_("I do not have a lawyer")),
)

OUTCOMES = (
    Choice("not_this_route", N_("A repeat application is not the route for you")),
    Choice("appeal_pending", N_("Your appeal comes first")),
    Choice("no_new_facts", N_("You did not name anything new")),
    Choice("not_relevant", N_("What is new does not seem to concern your own reasons")),
    Choice("needs_preparation", N_("Something must be done before you can apply")),
    Choice("ready_for_lawyer", N_("Ready to talk to your lawyer")),
)

TEST_STATES = (
    Choice("pass", N_("Looks fine")),
    Choice("attention", N_("Your lawyer must look at this")),
    Choice("fail", N_("Not met")),
    Choice("not_applicable", N_("Does not apply")),
)

TESTS = (
    Choice("new_facts", N_("Is there something new?")),
    Choice("relevance", N_("Does it concern your own reasons?")),
    Choice("translation", N_("Can the IND read your documents?")),
    Choice("originals", N_("Do you have the original documents?")),
)


def label(choices, value):
    """The label of one value, or the value itself when it is unknown."""
    for choice in choices:
        if choice.value == value:
            return choice.label
    return value


@functools.lru_cache(maxsize=None)
def values(choices):
    # Cached: the answers are checked against these on every page.
    return tuple(choice.value for choice in choices)
