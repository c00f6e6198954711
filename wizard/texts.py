"""What the person and the lawyer read: every legal text of the result, the
exit pages and the checklist, as English message ids (translated where shown).

docs/legal-sources.md gives the source of each; change a text there too.
"""
from wizard.messages import N_

URGENT_FLAGS = ("last_minute_procedure", "detained", "urgent_removal")

FLAG_TEXT = {
    "urgent_removal": N_("The government plans to send you back. Contact your lawyer today."),
    "last_minute_procedure": N_(
        "Your flight leaves within 8 days. Then the last-minute procedure may apply: only a "
        "complete application stops the departure. Contact your lawyer today."),
    "detained": N_(
        "You are in detention. Contact your lawyer today. The lawyer in your detention case "
        "arranges how your application is made."),
    "lawyer_declined": N_(
        "Your previous lawyer will not help. You may have to find and pay another lawyer "
        "yourself. The costs can be high."),
    "no_lawyer": N_(
        "You do not have a lawyer. If you cannot pay a lawyer, the Legal Aid Board (Raad voor "
        "Rechtsbijstand) helps you get one."),
    "lawyer_not_asked": N_(
        "Ask the lawyer of your last application first. That lawyer knows your case."),
    "explain_late_disclosure": N_(
        "Some of what you named may not be new, or you knew it before. Your lawyer will ask why "
        "you did not tell it earlier: think about the answer."),
    "appeal_unsure": N_(
        "You are not sure whether a court case (appeal) is still running. Ask your lawyer first: "
        "while it runs, new information goes to the lawyer in that case."),
    "previous_outcome_unsure": N_(
        "You are not sure how your last application ended. Bring the IND's last letter "
        "(decision) to your lawyer."),
    "protection_elsewhere_unsure": N_(
        "You are not sure whether you have protection in another European country. Tell your "
        "lawyer: this check does not cover that situation."),
    "previous_withdrawn_by_you": N_(
        "You withdrew your last application yourself. Your lawyer must check whether a repeat "
        "application is the right route."),
    "later_repeat_application": N_(
        "You made a repeat application before. If your application is not complete, you may get "
        "only 4 hours, not one week, to complete it. Under the EU rules you may also lose the "
        "right to stay in the Netherlands during the procedure. Have everything ready before "
        "you apply."),
    "later_repeat_unsure": N_(
        "You are not sure whether you made a repeat application before. Tell your lawyer: after "
        "an earlier repeat application you may get only 4 hours, not one week, to complete "
        "your application."),
    "dublin_report_ter_apel": N_(
        "The IND did not look at your reasons because another EU country was responsible "
        "(Dublin). The IND's website says: report at Ter Apel without the repeat application "
        "form only if the Netherlands is now responsible, or if you went back or were sent to "
        "that country. Talk to your lawyer before you go anywhere."),
    "no_documents": N_(
        "You did not name any documents. Your lawyer will tell you which proof is needed."),
    "children_included": N_(
        "Your children are part of the application. Tell your lawyer about each child and each "
        "child's own reasons. Children of 15 and older get their own decision."),
    "unaccompanied_minor": N_(
        "You are under 18 and in the Netherlands without your parents. Your guardian from Nidos "
        "and your lawyer help you. The IND sends its decision to your lawyer and to Nidos."),
    "returned_home": N_(
        "You went back to your country after the rejection. Tell your lawyer, and bring the "
        "proof, for example the stamps in your passport."),
}

OUTCOME_TEXT = {
    "not_this_route": N_("From your answers, a repeat application in the Netherlands does not fit your situation."),
    "appeal_pending": N_(
        "A court case about your last decision is still running, or you can still appeal. "
        "New information goes first to the lawyer in that case. Bring this checklist to that "
        "lawyer before you do anything else."),
    "no_new_facts": N_(
        "The IND only looks at a repeat application when something is new. You did not name "
        "anything new. An application without new facts is rejected in a one-day review."),
    "not_relevant": N_(
        "You named something new, but it does not seem to concern your own reasons. The IND "
        "only looks again when what is new matters for you. Talk to a lawyer before you decide."),
    "needs_preparation": N_(
        "You named something new. Some things must be done, or your lawyer must look at them, "
        "before you apply: see the list of things to do."),
    # What else is true is said after it (outcome_details): never "you have
    # the originals" when no document was named.
    "ready_for_lawyer": N_(
        "You named something new that concerns you. Take this checklist to your lawyer."),
}

READY_WITHOUT_DOCUMENTS = N_(
    "You did not name any documents. Your lawyer will tell you which proof is needed.")
READY_READABLE = N_("The IND can read your documents.")
READY_ORIGINALS = N_("You have the originals of your documents.")

TEST_TEXT = {
    ("new_facts", "pass"): N_("You named something that is new since the IND's last decision."),
    ("new_facts", "attention"): N_(
        "What you named may not count as new, for example because you knew it before. "
        "Your lawyer must judge this."),
    ("new_facts", "fail"): N_(
        "You did not name anything new. Without something new the IND does not look at your "
        "application again."),
    ("new_facts", "not_applicable"): N_("There is nothing to check here."),
    ("relevance", "pass"): N_(
        "At least one fact is new and concerns you or your reasons. Your lawyer judges whether "
        "it is strong enough."),
    ("relevance", "attention"): N_(
        "A fact may concern you, but it is not sure that it is new, or that you belong to the "
        "group it concerns. One and the same fact must be new and concern you. Your lawyer must "
        "judge this."),
    ("relevance", "fail"): N_(
        "What is new does not concern your own reasons. For example, a job in the Netherlands "
        "is new, but it does not matter for asylum."),
    ("relevance", "not_applicable"): N_("There are no new facts to check."),
    ("translation", "pass"): N_(
        "Your documents are in Dutch, English, German or French, or have a sworn or "
        "legalised translation."),
    ("translation", "attention"): N_(
        "A document has a translation, but not by a sworn translator. Ask your lawyer whether "
        "it is enough."),
    ("translation", "fail"): N_(
        "A document is in another language and has no translation. Have it translated by a "
        "sworn translator (beëdigd vertaler)."),
    ("translation", "not_applicable"): N_("You did not add documents."),
    ("originals", "pass"): N_("You have the originals of your documents."),
    ("originals", "attention"): N_(
        "An original is still on its way, a document reached you only digitally, or you named "
        "new documents that you did not add. Your lawyer must look at this."),
    ("originals", "fail"): N_(
        "For a document you have only a copy, a photo or a scan. The IND accepts originals "
        "only, because it cannot check whether a copy is real."),
    ("originals", "not_applicable"): N_(
        "You named no personal documents. News and reports about your country are public: "
        "this check does not ask for their originals. Ask your lawyer how to hand them in."),
}

# What to do instead, when this route is not for the person (route_exit).
EXIT_TEXT = {
    "not_in_netherlands": (
        N_("This check is for people who are in the Netherlands"),
        N_("A repeat application in the Netherlands can only be made by someone who is in the "
           "Netherlands. If you want protection in another country, ask a lawyer or a refugee "
           "organisation in that country.")),
    "no_earlier_application": (
        N_("You can apply for asylum for the first time"),
        N_("A repeat application is only for people who applied for asylum in the Netherlands "
           "before. If you have not, you make a first application. VluchtelingenWerk Nederland "
           "or a lawyer can tell you how.")),
    "still_pending": (
        N_("Wait for the decision on your application"),
        N_("The IND has not decided on your application yet. Send new information to the IND "
           "through your lawyer, in the procedure that is running now.")),
    "granted": (
        N_("You already have an asylum permit"),
        N_("A repeat application is for people whose application was rejected, or whose "
           "permit the IND took away. If you got a letter that your permit may be taken away, "
           "talk to your lawyer.")),
    "dublin": (
        N_("Your case goes another way (Dublin)"),
        N_("The IND did not look at your reasons because another EU country was responsible. "
           "This check does not cover your case. The IND's website says: report at Ter Apel "
           "without the repeat application form only if the Netherlands is now responsible for "
           "your application, or if you went back or were sent to the other country. Talk to "
           "your lawyer before you go anywhere.")),
    "protection_elsewhere": (
        N_("This check does not cover protection in another European country"),
        N_("You have protection in another European country. This check does not cover that "
           "situation. New facts about that protection can still matter, for example if it has "
           "ended. A lawyer can tell you what you can do.")),
    "ukraine_protection": (
        N_("Other rules apply to refugees from Ukraine"),
        N_("Temporary protection for refugees from Ukraine has its own rules, and this check "
           "does not cover them. VluchtelingenWerk Nederland has information for refugees "
           "from Ukraine on its RefugeeHelp platform.")),
}

WHO_CAN_HELP = (
    N_("Your lawyer, or the lawyer of your last application."),
    N_("VluchtelingenWerk Nederland (Dutch Council for Refugees): they explain letters and procedures."),
    N_("The Legal Aid Board (Raad voor Rechtsbijstand), if you cannot pay a lawyer."),
)

FILL_IN_BY_PEN = (
    N_("Your name"),
    N_("Your V-number"),
    N_("Date of the IND's last decision"),
    N_("Your lawyer's name"),
    N_("Date of the meeting"),
)

WHAT_TO_BRING = (
    N_("All letters and decisions from the IND"),
    N_("The reports of your interviews with the IND"),
    N_("Court judgments about your case"),
    N_("Your earlier application forms"),
    N_("Your identity documents"),
    N_("The new documents, as originals, and their translations"),
    N_("Envelopes and courier receipts of documents sent to you"),
)

# The steps after lodging (seed 004, which describes the procedure before the
# EU Asylum Procedures Regulation: PROCEDURE_DATES says so beside them).
LODGE_FORM = N_("The application form (M35-O) is only in Dutch. Ask your lawyer to help you "
                "fill it in.")
LODGE_IN_TER_APEL = N_("You hand in the application in person in Ter Apel.")
# No seed says how a detained person applies: never send them to Ter Apel.
LODGE_FROM_DETENTION = N_("You are in detention: the lawyer in your detention case arranges how "
                          "your application is made.")
AFTER_LODGING = (
    N_("The IND first checks whether your application is complete. If it is not, you get one "
       "week to complete it. After repeat applications that were not complete, this may be "
       "only 4 hours."),
    N_("If it is still not complete, the IND stops dealing with it, and your place in "
       "reception may end."),
    N_("Then the IND checks in one day whether there is something new (a one-day review)."),
    N_("If there is, a procedure of 3 or 6 days follows, sometimes with an interview."),
    N_("If the IND rejects the application, you can appeal to a court within one week. "
       "The appeal does not stop a removal by itself."),
    N_("Your lawyer can ask the court at once for a provisional measure (voorlopige "
       "voorziening). Then you may usually wait in the Netherlands for the court's decision "
       "on it."),
)
PROCEDURE_DATES = N_(
    "The steps of the procedure in this check come from the sources it names, with their "
    "dates. They describe the procedure before %(date)s. Since %(date)s the EU Asylum Procedures Regulation applies, "
    "and some steps may have changed. Your lawyer knows the current rules.")
CHECKED_ON = N_("The legal information in this check was last checked on %(date)s.")
OUT_OF_DATE = N_("This information may be out of date. Ask your lawyer.")
# The day of a booked flight, counted from the day the checklist is made.
BEFORE_THE_FLIGHT = N_("Before the flight on %(date)s: %(task)s")
FLIGHT_DATE = N_("Days until the flight: %(days)s. The date of the flight: %(date)s.")
FOR_APPEAL_LAWYER = N_("Bring this checklist to the lawyer of your court case (appeal).")

NOT_LEGAL_ADVICE = N_(
    "This check is not legal advice. Only a lawyer can judge whether your new facts are "
    "strong enough.")
DO_NOT_TRAVEL = N_(
    "Do not travel to Ter Apel before the form is filled in and your originals and "
    "translations are ready.")
ONE_DAY_REVIEW = N_(
    "An application without new facts is rejected in a one-day review (the IND says it is "
    "inadmissible). You then have one week to appeal, and the appeal does not stop a removal "
    "by itself.")
KEEP_COPIES = N_(
    "The IND keeps original documents: make copies for yourself first. Never change a document.")
EU_RULES = N_(
    "Since %(date)s new EU rules apply: the IND may set aside facts you could have told earlier, "
    "unless they make your chance of protection much higher. Tell your lawyer why you did not "
    "tell them before.")
