# Strings of the coordinator pages, in English. Unlike main.ftl, another
# language need not have all of these: a message missing in, say,
# es/coordinator.ftl comes in English (fallback_language in messages.rs).
# Words such as `draft` or `owner` that are stored values also appear here,
# one message per value, so that the pages can show them translated.

# The language of this file, for <html lang>. It falls back with the rest,
# so a page stays marked English until its language has a coordinator.ftl.
coordinator-language = en

## Frame of every coordinator page

nav-coalition = Coalition
nav-members = Members
nav-audit-log = Audit log
nav-account = Account
nav-switch-coalition = Switch coalition
nav-log-out = Log out

home-title = Joint statements
home-lead = Joint statements with verified sign-ons, a true list of signatories and clean press mailings.
home-log-in = Coordinators: log in

## Error pages

error-page-heading =
    { $status ->
        [400] Bad Request
        [403] Forbidden
        [404] Not Found
        [405] Method Not Allowed
        [413] Content Too Large
        [415] Unsupported Media Type
        [429] Too Many Requests
        [500] Internal Server Error
        [503] Service Unavailable
       *[other] { $reason }
    }
error-page-start = Go to the start page
error-page-not-found = There is nothing at this address. Check the link, or start again from the home page.
error-page-forbidden = You do not have permission to do this. Ask an owner of the coalition for access.
error-page-bad-request = The request could not be understood. Go back and try again.
error-page-unexpected = Something went wrong on our side. It has been logged; please try again in a moment.
error-page-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
error-page-too-many = Too many requests from here. Wait a few minutes and try again.
error-form-too-large = The form is too large.

## Accounts: set-up, log-in and password

account-your-name = Your name
account-your-email = Your email address
account-email-address = Email address
account-password = Password
account-password-hint = At least 10 characters. A few unrelated words make a strong password.
account-current-password = Current password
account-new-password = New password
account-title = Your account
account-name = Name
account-email = Email
account-change-password = Change password
account-change-password-submit = Change password
account-password-changed = Your password was changed. Every other session of this account has been logged out.
account-error-name = Enter your name (at most 120 characters).
account-error-email = Enter an email address such as name@example.org.
account-language = Language
language-switcher = Language
account-language-label = Language of your pages
account-language-browser = The language of my browser
account-language-submit = Save language
account-language-saved = Your language is saved.
account-error-language = Choose a language from the list.
account-error-password-too-short = Choose a password of at least { $min } characters.
account-error-password-too-long = This password is too long; use at most 1,024 characters.
account-error-wrong-current = This is not your current password.
setup-title = Set up Undersigned
setup-intro = Create the first coordinator account. You will own the first coalition and can invite the others.
setup-coalition = Name of your coalition
setup-coalition-hint = For example: Coalition for Clean Water. You can create more later.
setup-submit = Create account and coalition
setup-error-coalition = Enter the coalition's name (at most 120 characters).
setup-invalid-title = Setup link not valid
setup-invalid-heading = This setup link is not valid
setup-invalid-body = It has been used already, or it has expired. If no coordinator account exists yet, restart the server: it prints a fresh link. Otherwise, { $log-in }.
setup-invalid-log-in = log in
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-wrong-credentials = The email address or the password is not right. Check both and try again, or reset your password.
login-throttled =
    { $minutes ->
        [one] Too many failed attempts. Try again in { $minutes } minute, or reset your password.
       *[other] Too many failed attempts. Try again in { $minutes } minutes, or reset your password.
    }
forgot-title = Reset your password
forgot-intro = Enter the address of your account. We will send a link to set a new password.
forgot-submit = Send the link
forgot-sent = If an account exists for that address, a link to set a new password is on its way. It works once, for two hours.
forgot-back-to-log-in = Back to log in
forgot-limited = Too many requests from here. Please try again in an hour.
reset-title = Choose a new password
reset-submit = Set password and log in
reset-invalid-title = Link not valid
reset-invalid-heading = This link is not valid any more
reset-invalid-body = Password links work once and for two hours. { $new-link }.
reset-invalid-new-link = Ask for a new link

## Coalitions, members and roles

role-owner = owner
role-editor = editor
role-viewer = viewer
role-description-owner = members, settings and everything editors do
role-description-editor = statements, signatures, contacts and releases
role-description-viewer = reads everything, changes nothing
role-option = { $role } — { $description }
coalitions-title = Your coalitions
coalitions-none = You are not a member of any coalition yet. Create one, or ask an owner to invite you.
coalitions-role = ({ $role })
coalitions-create = Create a coalition
coalitions-name = Name
coalitions-create-submit = Create coalition
coalitions-error-name = Enter a name of at most 120 characters.
coalitions-error-name-taken = A coalition with this name exists already. Choose another name.
members-title = Members
members-heading = Members of { $coalition }
members-name = Name
members-email = Email
members-role = Role
members-change = Change
members-role-of = Role of { $name }
members-change-role = Change role
members-remove = Remove
members-pending = Pending invitations
members-invitation = { $email } as { $role }
members-withdraw = Withdraw
members-invite = Invite someone
members-invite-email = Email address
members-invite-role = Role
members-invite-submit = Send invitation
members-error-role = Choose owner, editor or viewer.
members-error-already-member = This person is already a member of the coalition.
members-error-last-owner = A coalition needs at least one owner. Make someone else an owner first.

## Joining a coalition by invitation

join-title = Join a coalition
join-heading = Join { $coalition }
join-invited-as = You are invited as { $role } of { $coalition } on Undersigned.
join-logged-in-as = You are logged in as { $email }.
join-accept = Accept the invitation
join-logged-in-as-other = You are logged in as { $email }, but the invitation was sent to { $invited }. Log out, then open the link again.
join-has-account = An account exists for { $email }. { $log-in } to accept the invitation.
join-log-in = Log in
join-create-account = Create your account for { $email } to accept.
join-password-hint = At least 10 characters.
join-submit = Create account and join
join-invalid-title = Invitation not valid
join-invalid-heading = This invitation is not valid any more
join-invalid-body = It has been used, withdrawn, or it has expired (invitations last seven days). Ask the coalition's owner for a new one.
join-log-in-first-title = Log in to accept
join-log-in-first-body = An account exists for { $email }. Log in with it, then open the invitation link again.
join-other-address-title = Invitation for another address
join-other-address-heading = This invitation is for another address
join-other-address-body = It was sent to { $email }. Log out, then open the link again to create that account or log in with it.

## Audit log

audit-title = Audit log
audit-action = Action
audit-all-actions = All actions
audit-who = Who
audit-object-filter = Object id or type
audit-text = Text
audit-filter = Filter
audit-none = No entries match.
audit-when = When (UTC)
audit-what = What
audit-object = Object
audit-older = Older entries

## Statements: list, new statement, dashboard

statement-status-draft = draft
statement-status-open = open
statement-status-closed = closed
signers-organizations = organizations
signers-individuals = individuals
signers-both = both
list-order-alphabetical = alphabetical
list-order-country = country
list-order-time = time
list-order-manual = manual
change-kind-draft = draft
change-kind-editorial = editorial
change-kind-material = material
statement-back = Back to the statement
statements-title = Statements
statements-new = New statement
statements-none = No statements yet.
statements-column-title = Title
statements-column-status = Status
statements-column-listed = Listed
statements-column-language = Language
statements-column-created = Created
statement-field-title = Title
statement-field-language = Language
statement-field-language-hint = A language code: en, es, fr, pt-BR…
statement-field-body = Text (Markdown)
statement-field-body-hint = Paragraphs, **bold**, *italics*, lists, > quotes and [links](https://example.org).
statement-save-draft = Save draft
statement-error-title = Give the statement a title.
statement-error-body = Write the text of the statement.
statement-error-too-long = This is too long: at most { $max } characters.
statement-error-control-characters = Remove the invisible control characters (often pasted from another program).
statement-error-field = Check this field.
statement-error-language = Enter a language code such as en, es or pt-BR.
statement-error-unknown-status = Unknown status.
# $from and $to are statement-status words.
statement-error-transition = a statement cannot go from { $from } to { $to }. Reload the page to see its current status.
dashboard-open = Open for signatures
dashboard-close = Close
dashboard-reopen = Reopen
dashboard-settings = Settings
dashboard-status = Status
dashboard-public-page = Public page
dashboard-public = public
dashboard-published = published { $date }
dashboard-not-public = not public while a draft
dashboard-deadline = Deadline
dashboard-list-public-from = List public from
dashboard-signers = Who may sign
dashboard-approval = Approval
dashboard-approval-each = each signature is approved before it is listed
dashboard-approval-none = confirmed signatures are listed
dashboard-list-order = List order
dashboard-signatures = Signatures
dashboard-all-signatures = All signatures
dashboard-to-review = To review
dashboard-invitations = Invitations
dashboard-export-csv = Export CSV
dashboard-export-xlsx = Export Excel (XLSX)
dashboard-digest = Mail me new signatures
digest-none = never
digest-hourly = every hour
digest-daily = every day
dashboard-digest-save = Save
dashboard-listed = { $count } listed
# $status is a signature-status word.
dashboard-count = { $count } { $status }
dashboard-chart-caption = Confirmed sign-ons per day, last 30 days
dashboard-share = Share
dashboard-public-link = Public link
dashboard-preview-link = Preview link (private: partners read the draft and comment)
dashboard-replace-preview-link = Replace the preview link
dashboard-embed = Embed snippet
dashboard-comments = { $link } ({ $open } open)
dashboard-versions = Versions and revisions
dashboard-edit = Edit
dashboard-all-revisions = All revisions and diffs
translation-add = Add a translation
translation-language-hint = es, fr, pt-BR…
translation-submit = Add translation
translation-error-language = Enter a language code such as es or fr.
translation-error-exists = There is a version in this language already; edit it instead.

## Statement settings

settings-title = Statement settings
settings-heading = Settings
settings-address = Address
settings-address-hint-draft = The public page is /s/ followed by this. It can change while the statement is a draft.
settings-address-hint-open = Fixed now that the statement is open.
settings-language = Main language
settings-language-hint = en, es, pt-BR…; fixed once open.
settings-signers-organizations = Organizations
settings-signers-individuals = Individuals
settings-signers-both = Both, as two lists
settings-requires-approval = A coordinator approves each confirmed signature before it is listed
settings-list-order = Order of the list
settings-order-alphabetical = Alphabetical
settings-order-country = By country, then name
settings-order-time = By signing time
settings-order-manual = Manual order
settings-deadline = Deadline
settings-deadline-hint = The statement closes itself then. Empty: no deadline.
settings-publish-at = Publish time
settings-publish-at-hint = Before it, only the preview link shows the page. Empty: public as soon as it opens.
settings-list-public-at = Show the list from
settings-list-public-at-hint = Keeps the names hidden until then, for example until a press conference.
settings-submit = Save settings
settings-error-slug = Use 1–60 lower-case letters, digits and single hyphens, such as water-for-all.
settings-error-signers = Choose who may sign.
settings-error-list-order = Choose how the list is ordered.
settings-error-slug-taken = Another statement uses this address. Choose another.
settings-error-slug-locked = The address cannot change once the statement is open: links to it are out.
settings-error-language-locked = The language cannot change once the statement is open.

## Editing, revisions and differences

edit-title = Edit statement
edit-heading = Edit the { $language } version
edit-next-revision = Saving creates revision { $number }. Earlier revisions are kept.
edit-note = What changed (a short note)
edit-kind = Kind of change
edit-kind-editorial = Editorial: a typo or wording; the meaning and the signatures stay
edit-kind-material = Material: the meaning changed; earlier signers will be asked to confirm again
edit-pending = After a material change, until earlier signers answer
edit-pending-stay = they stay listed, marked with the revision they signed
edit-pending-hide = they leave the list until they confirm the new text
edit-submit = Save revision
edit-error-kind = Say whether this change is editorial (signatures stay valid) or material (the meaning changed).
edit-error-conflict = Someone saved revision { $current } while you were editing, so your text was not saved. It is still below: open the revisions in another tab, compare, and save again.
revision-note-first-draft = first draft
revision-number = Revision { $number }
revision-hash = SHA-256 of the canonical text
revisions-title = Revisions
revisions-heading = Revisions of the { $language } version
revisions-compare = Compare revision
revisions-with = with revision
revisions-submit = Show the differences
revisions-changes = changes
diff-title = Differences
diff-all-revisions = All revisions
diff-heading = Revision { $old } → { $new }
diff-summary = { $added } words added, { $removed } removed. { $added-text } and { $removed-text } are marked.
diff-added-text = Added text
diff-removed-text = removed text
diff-title-heading = Title
diff-text-heading = Text

## Partners' comments on a draft

comments-title = Comments
comments-heading = Partners' comments
comments-intro = Left through the preview link. They are never public.
comments-none = No comments yet.
comments-byline = { $name }, { $organization } · on revision { $number } ({ $language }) · { $date }
comments-resolved-by = Resolved by { $name } on { $date }
comments-resolve = Mark resolved

## Chart of sign-ons per day on the statement dashboard

chart-empty = No confirmed sign-ons in the last { $days } days yet.
chart-label = { $total } confirmed sign-ons in the last { $days } days, at most { $max } on one day
# A day on the axis, such as "Nov 22".
chart-day =
    { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $day }
chart-max = max { $max }

## Signatures of a statement

signature-status-pending-email = pending email
signature-status-confirmed = confirmed
signature-status-approved = approved
signature-status-rejected = rejected
signature-status-withdrawn = withdrawn
signature-status-merged = merged
signatures-merged-into = merged into { $name }
signatures-title = Signatures
signatures-export-json = Export JSON
signatures-letter = Printable letter
signatures-import = Import a list
signatures-state = State
signatures-all-states = all states
signatures-flag = Flag
signatures-any-flag = any
signatures-duplicates = possible duplicates
signatures-domain-matches = email domain matches website
signatures-search = Name or email
signatures-sort = Sort
signatures-sort-newest = newest first
signatures-sort-oldest = oldest first
signatures-sort-list-order = list order
signatures-show = Show
signatures-select = Select
signatures-select-one = Select { $name }
signatures-name = Name
signatures-country = Country
signatures-email = Email
signatures-signed = Signed
signatures-revision = Revision
signatures-flags = Flags
signatures-entered = entered: { $name }
signatures-listed = listed
signatures-flag-duplicate = possible duplicate
signatures-flag-duplicate-title = Same organization by name and country, or same website
signatures-flag-domain = domain match
signatures-flag-domain-title = The email address is at the website's domain
signatures-flag-imported = added by coordinator
signatures-flag-invited = invited
signatures-flag-reconsent = asked to re-confirm
signatures-flag-not-authorized = not authorized
signatures-none = No signatures match.
signatures-with-selected = With the selected signatures
signatures-select-all = Every signature of this filter, on all pages (those that can be approved or rejected)
signatures-done-approved = { $count ->
    [one] One signature approved.
   *[other] { $count } signatures approved.
}
signatures-done-rejected = { $count ->
    [one] One signature rejected.
   *[other] { $count } signatures rejected.
}
signatures-done-deleted = { $count ->
    [one] One signature deleted.
   *[other] { $count } signatures deleted.
}
signatures-delete = Delete…
signatures-delete-title = Delete signatures
signatures-delete-question = { $count ->
    [0] No signature is selected, so there is nothing to delete.
    [one] One signature will be deleted for good, with any signature merged into it. It cannot be undone; an organization that should stay listed would have to sign again.
   *[other] { $count } signatures will be deleted for good, with any signature merged into them. It cannot be undone; organizations that should stay listed would have to sign again.
}
signatures-delete-confirm = { $count ->
    [one] Delete one signature
   *[other] Delete { $count } signatures
}
signatures-delete-cancel = Keep them
signatures-done-imported = { $count ->
    [one] One signature imported.
   *[other] { $count } signatures imported.
}
signatures-notify = Tell each signer by mail
signatures-approve = Approve
signatures-reject = Reject
signatures-next-page = Next page
signatures-error-decision = Choose approve, reject or delete.
signatures-error-none-selected = Select at least one signature, then choose approve, reject or delete.
signatures-error-not-confirmed = Only confirmed signatures can be approved or rejected; signatures waiting for their email confirmation cannot.

## One signature

signature-how = How it came in
# $state is a signature-status word.
signature-state-listed = { $state }, listed
signature-state-not-listed = { $state }, not listed
signature-source = Source
signature-source-form = the public form
signature-source-invitation = a personal invitation
signature-source-import = added by a coordinator (import)
signature-confirmed = Address confirmed
signature-text-signed = Text signed
signature-revision = revision { $number }
signature-reconsent = asked to confirm { $revision }
signature-authorized = Authorized to sign for the organization
signature-authorized-yes = yes, stated by the signer
signature-authorized-no = not stated
signatures-domain-matches-heading = Email domain matches website
signature-yes = yes
signature-no = no
signature-approved = Approved
signature-approved-by = { $name }, { $date }
signature-withdrawn = Withdrawn
signature-merged = Merged
signature-merged-into = into { $link }
signature-merged-other = another signature
signature-as-entered = Details as entered
signature-website = Website
signature-signer = Signer
signature-affiliation = Affiliation
signature-city = City
signature-email-changing = (changing to { $email }, not yet confirmed)
signature-comment = Comment for the coordinators
signature-display-name = Display name
signature-display-name-label = Shown on the list as
signature-display-name-hint = Corrects capitalization or spelling; the signer's own entry is kept. Empty shows the entry.
signature-display-name-submit = Save display name
signature-position-heading = Place in the manual order
signature-position = Position (0 first; empty: last)
signature-position-submit = Save position
signature-duplicates = Possible duplicates
signature-merge = Merge these two
signature-merge-note = Merging keeps the earlier signature and its time, and the confirmed signer’s address; the later one stays in the records as merged into it.
signature-error-display-name = The display name must be one line of at most 200 characters.
signature-error-position = The position is a whole number from 0 up, or empty for the end.
signature-error-merge = Choose another signature of this statement to merge with.

## Importing signatures from a spreadsheet

import-title = Import signatures
import-intro = Upload the spreadsheet of your signatories (Excel XLSX, OpenDocument ODS or CSV), or paste the list as it stands in your document: the “Signed by” lines, one organization per line, with or without the country after a comma (“Red Jesuita con Migrantes, Guatemala”). A comma that is not followed by a country stays in the name. Cells copied from a spreadsheet are read as organization, then country; a header line is recognized by its names in English or Spanish: organization/organización, country/país (code or name), website/sitio web, email/correo, contact/contacto, title/cargo. The preview shows what each row will do and lets you choose what each column holds before anything changes.
import-csv = The list
import-mode = How to take the rows in
import-mode-list = List them at once, shown as “added by coordinator” (your import approves them)
import-mode-confirm = Send each a confirmation mail; listed once confirmed
import-preview-file = Preview the file
import-preview-paste = Preview the list
import-preview-title = Import preview
import-preview-heading = Preview of the import
import-preview-summary = { $good } rows will be imported; { $bad } rows have a problem and will be left out. Nothing has changed yet.
import-columns = Columns
import-layout-lines = Each line is one organization; a country after the last comma is split off.
import-layout-cells = Cells copied from a spreadsheet: the first column is the organization, the second its country.
import-column-organization = Organization
import-column-country = Country
import-column-website = Website
import-column-email = Email
import-column-contact = Contact
import-column-title = Title
import-submit = Import { $count } rows
import-line = Line
import-verdict = Verdict
import-file-heading = Upload a file
import-file = File (XLSX, ODS or CSV)
import-paste-heading = Or paste the list
import-column = Column
import-column-number = Column { $number }
import-column-ignore = (leave out)
import-examples = First values
import-field = Imported as
import-field-of = Imported as, for the column { $column }
import-remap = Update the preview
import-column-missing = No column is mapped to { $field }. Choose the column that holds it.
import-column-twice = Two columns are mapped to { $field }. Choose “(leave out)” for one of them.
import-verdict-create = will be imported
import-verdict-update = will update the contact with this address
import-verdict-merged = merged into line { $line }, which has the same address
import-verdict-rejected = rejected: { $why }
import-report = Row by row
import-all = All ({ $count })
import-created = To import ({ $count })
import-updated = Updated ({ $count })
import-merged = Merged ({ $count })
import-rejected = Rejected ({ $count })
import-merged-summary = { $count ->
    [one] One row has the address of an earlier row: its cells fill that row's empty ones.
   *[other] { $count } rows have the address of an earlier row: their cells fill that row's empty ones.
}
import-pages = Pages of the report
import-previous-page = Previous rows
import-next-page = Next rows
import-again = Import another list
import-no-plan = The import form is incomplete. Open the preview again and import from there.
import-failed = The import failed and nothing was changed. It has been logged; please try again in a moment.
import-running = Rows written
import-rows-done = { $done } of { $total } rows written.
import-refresh = Refresh to see the progress
import-dry-run = Dry run: nothing was changed.
import-terminal-line = line { $line }
import-back = Back to the signatures
import-progress-title = Importing signatures
import-terminal-summary = { $good } rows will be imported; { $bad } rows have a problem and will be left out.

## Invitations to sign a statement

invitation-state-invited = invited
invitation-state-opened = opened the form
invitation-state-signed = signed
invitation-state-declined = declined
invitations-title = Invitations to sign
# $state is an invitation-state word.
invitations-count = { $count } { $state }
invitations-invite = Invite organizations
invitations-list = One organization per line
invitations-list-hint = email, organization, country code (optional), contact name (optional) — or a CSV with a header line. Addresses that asked not to be mailed are skipped.
invitations-send = Send invitations
invitations-earlier = Signatories of your earlier statements
invitations-choose = Choose whom to invite
invitations-earlier-one = { $organization } — { $email }
invitations-invite-chosen = Invite the chosen
invitations-remind = Send one reminder to those who have not answered
invitations-sent = Sent
invitations-organization = Organization
invitations-email = Email
invitations-state = State
invitations-invited = Invited
invitations-reminded = Reminded
invitations-report = { $invited } invitations sent. { $suppressed } addresses skipped because they asked not to be mailed; { $already } already invited or signed.
invitations-no-usable-line = No line could be used. Give one organization per line: email, organization, country code, contact name.
invitations-reminders-sent = { $count } reminders sent. Each invitation gets one reminder at most.

## Unsubscribing from a coalition's mailings

unsubscribe-title = Unsubscribe
unsubscribe-heading = Stop these messages?
unsubscribe-body = The address { $email } will receive no more invitations or releases from this coalition.
unsubscribe-submit = Unsubscribe
unsubscribed-title = Unsubscribed
unsubscribed-heading = You are unsubscribed
unsubscribed-body = { $email } will not be mailed again by this coalition.

## Press releases

nav-press = Press
press-title = Press releases
press-new = New press release
press-none = No press releases yet.
press-language = Language of the release
press-unknown-language = Choose a language from the list.
press-headline = Headline
press-subheadline = Subheadline
press-dateline = Place
press-dateline-hint = The city the release comes from, as in "Mexico City".
press-release-date = Date line
press-body = Text of the release
# $count and $link are placeholders a coordinator can type.
press-body-hint = Markdown: **bold**, > quotes, [links](https://…). { $count } inserts the live number of signatories of the linked statement, { $link } its public address.
press-contacts = Press contacts
press-contacts-hint = One per line: Name | phone | email (the phone may be left out).
# $line is a line number.
press-contacts-bad-line = Line { $line } should read Name | phone | email, with a valid email address.
press-about = About
press-about-hint = The coalition's boilerplate, shown at the end of the release.
press-save-about = Keep this "About" text for the coalition's next releases
# $coalition is the coalition's name.
press-media-contacts = Media contacts
press-send-repeated = { $count ->
    [one] One recipient of this audience already received this release: sending it now mails it to them again.
   *[other] { $count } recipients of this audience already received this release: sending it now mails it to them again.
}
press-about-heading = About { $coalition }
press-statement = Linked statement
press-no-statement = No statement
press-unknown-statement = Choose one of this coalition's statements.
press-embargo = Embargo
press-embargo-hint = Leave the time empty for a release that may be reported at once. Mail sent before the embargo is marked as embargoed until this time, in the language of the release; the web version appears when it lifts.
press-embargo-time = Embargo until (local time)
press-embargo-zone-hint = The embargo time is in this zone, and mails name it with the time.
press-no-embargo = No embargo
# $time is the embargo time with its zone.
press-embargoed-until = EMBARGOED UNTIL { $time }
press-embargo-lifted = The embargo lifted on { $time }.
press-note = What changed (optional)
press-save = Save
press-form-title = Press release
press-required = Fill this in.
press-edit = Edit
press-saved = Saved.
press-back = Back to the release
press-preview-mail = Preview the mail
press-mail-subject = Subject:
press-mail-html = HTML part
press-mail-text = Plain-text part
press-test-send = Send a test to me
press-test-sent = A test was sent to your own address, marked as a test in its subject.
press-send = Send or schedule
# $headline is the release's headline.
press-send-title = Send "{ $headline }"
press-publish = Publish the web version without mailing
press-published = The web version is published (at the embargo, if there is one).
press-web-version = Web version
press-web-public = Web version public
press-web-at-embargo = Web version public when the embargo lifts
press-web-not-yet = Web version not published
press-web-preview = Preview of the web version
press-revisions = Revisions
# $number is a revision number.
press-revision = Revision { $number }

## Audiences and mailings

audience-lists = Saved lists
audience-no-lists = No saved lists yet; make them on the contacts page.
audience-tags = Contacts with any of these tags
audience-no-tags = No tagged contacts yet.
audience-signatories = Confirmed signatories of a statement
audience-no-signatories = None
audience-count = Count recipients
# $count is a number of addresses.
audience-reach = { $count } addresses will receive it.
# $count is a number of addresses.
audience-suppressed = { $count } skipped because they unsubscribed, bounced, must not be contacted or are not valid addresses.
audience-skipped-by-reason = By reason: { $reasons }.
mailings-title = Mailings
mailings-none = Nothing sent yet.
mailing-subject = Subject
mailing-status = Status
mailing-recipients = Recipients
mailing-when = When
mailing-when-now = Send now
# $time is the embargo time with its zone.
mailing-when-embargo = When the embargo lifts ({ $time })
mailing-when-at = At a time
mailing-send-at = Send at
mailing-send-at-hint = Local time in the time zone below.
mailing-confirm-send = Send
mailing-no-embargo = This release has no embargo; choose "Send now" or a time.
mailing-no-audience = Choose at least one list, tag or statement.
mailing-suppressed = Skipped (suppressed)
mailing-pause = Pause
mailing-resume = Resume
mailing-cancel = Cancel the rest
mailing-log = Delivery log
mailing-log-csv = Download the log (CSV)
mailing-log-xlsx = Download the log (Excel, XLSX)
mailing-log-empty = No mail has been written for this mailing yet.
mailing-log-next = Next page
mailing-email = Email
mailing-name = Name
mailing-state = State
mailing-attempts = Attempts
mailing-reply = Server's answer
mailing-status-scheduled = Scheduled
mailing-status-sending = Sending
mailing-status-paused = Paused
mailing-status-cancelled = Cancelled
mailing-status-sent = Sent
delivery-queued = Queued
delivery-deferred = Deferred (retrying)
delivery-sent = Sent
delivery-bounced = Bounced (address suppressed)
delivery-failed = Failed
delivery-paused = Paused
delivery-cancelled = Cancelled
# $title is the statement's title.
update-title = Write to the signatories of "{ $title }"
update-body = Message
update-body-hint = Markdown. Each signatory gets it with their name and an unsubscribe link.
update-send = Write to signatories
# $number is the earlier revision's number.
press-changes-since = Changes since revision { $number }

## Media contacts

nav-contacts = Contacts
contact-field-email = Email
contact-field-name = Name
contact-field-phone = Phone
contact-field-outlet = Outlet
contact-field-role = Role or beat
contact-field-country = Country
contact-field-language = Language
contact-field-tags = Tags
contact-field-notes = Notes
contact-field-do_not_contact = Do not contact
contact-error-missing = Enter the { $field }.
contact-error-too-long = The { $field } is too long; use at most { $max } characters.
contact-error-control = The { $field } contains characters that cannot be shown; type it again.
contact-error-email = “{ $value }” is not an email address; enter one such as name@example.org.
contact-error-country = “{ $value }” is not a country; use a code such as MX or a name such as Mexico.
contact-error-language = “{ $value }” is not a language; use a code such as en, es or es-MX.
contact-error-yes-no = “{ $value }” is neither yes nor no.
contact-error-tags = Use at most { $max } tags.
contacts-history-heading = Mailings received
contacts-history-none = No mailing has reached this address yet.
contacts-history-subject = Subject
contacts-history-state = Delivery
contacts-history-when = When
contacts-suppressed-since = Not mailed since { $time }: { $reason }.
contacts-reason-unsubscribed = unsubscribed
contacts-reason-bounced = bounced
contacts-reason-do-not-contact = do-not-contact
contacts-suppressed = suppressed ({ $reason })
contacts-title = Contacts
contacts-new = New contact
contacts-new-title = New contact
contacts-import = Import
contacts-export = Export CSV
contacts-export-xlsx = Export Excel (XLSX)
contacts-lists = Saved lists
contacts-back = Back to the contacts
contacts-search = Search name, email or outlet
contacts-any = Any
contacts-filter = Search
contacts-count = { $count ->
    [one] One contact
   *[other] { $count } contacts
}
contacts-none = No contacts yet. Add one, or import the list you keep in a spreadsheet.
contacts-none-found = No contact matches. Try fewer words or filters.
contacts-select = Select
contacts-select-one = Select { $name }
contacts-status = Status
contacts-pages = Pages
contacts-first-page = First page
contacts-next-page = Next page
contacts-previous-page = Previous page
contacts-add-to-list = Add the selected contacts to a list
contacts-existing-list = List
contacts-new-list-option = A new list, named below
contacts-new-list-name = Name of a new list
contacts-add-selected = Add selected to list
contacts-none-selected = Select at least one contact, then try again.
contacts-choose-list = Choose a list, or type the name of a new one, then try again.
contacts-no-country = No country
contacts-language-hint = A code such as en, es or pt-BR.
contacts-tags-hint = Separated by commas, such as: climate, national press.
contacts-do-not-contact-box = Do not contact: never send this person a mailing
contacts-save = Save contact
contacts-saved = The contact was saved.
contacts-error-email-taken = Another contact already has this address. Search for it and edit that one.
contacts-delete-heading = Delete this contact
contacts-delete-hint = The contact, its tags and its place on lists are removed. If its address is suppressed, it stays suppressed.
contacts-delete = Delete contact
contacts-list-name = Name
contacts-list-kind = Selection
contacts-list-members = Contacts
contacts-list-hand-picked = Picked by hand
contacts-list-tags = Contacts tagged { $tags }
contacts-lists-none = No saved lists yet.
contacts-list-create = Save a list
contacts-list-by-tags-label = Tags
contacts-list-tags-hint = Contacts with any of these tags, separated by commas. Leave empty to pick contacts by hand on the contacts page.
contacts-tags-in-use = Tags in use:
contacts-list-create-submit = Save list
contacts-list-name-taken = Another list has this name; choose another.
contacts-list-by-tags = This list selects contacts by their tags; change their tags instead.
contacts-list-empty-hand = Nobody is on this list yet. Select contacts on the contacts page and add them to it.
contacts-list-empty-tags = No contact has these tags yet.
contacts-list-remove-selected = Remove selected from the list
contacts-list-delete-heading = Delete this list
contacts-list-delete = Delete list
contacts-import-title = Import contacts
contacts-import-intro = Upload the list you keep in a spreadsheet, as an Excel (XLSX) or OpenDocument (ODS) file or as CSV (separated by commas, semicolons or tabs), with a header line. Columns are recognized by their names in English or Spanish: email/correo, name/nombre, phone/teléfono, outlet/medio, role/beat/cargo/fuente, country/país, language/idioma, tags/etiquetas, notes/notas, do not contact/no contactar. You will see what each row does before anything changes. A contact whose address is already there is updated: filled cells replace what is stored and tags are added; empty cells change nothing.
contacts-import-paste = The list, as CSV with a header line
import-file-empty = The file is empty. Choose the file of your list (CSV, XLSX or ODS), or paste it.
import-file-too-large = The file is larger than { $megabytes } MB. Split it into several files.
import-file-too-many-rows = The file has more than { $max } rows. Split it into several files.
import-file-workbook = The workbook cannot be opened. Save it again as XLSX, ODS or CSV and upload it again.
import-file-unreadable = Line { $line } cannot be read. Check its quotes and upload the file again.
contacts-import-preview-title = Import preview
contacts-import-summary = { $created } contacts will be created, { $updated } updated and { $rejected } rows are rejected. Nothing has changed yet.
contacts-import-apply = Import { $count } contacts
import-stale = What is stored changed since the preview, so nothing was imported. Open the preview again to see the new plan.
contacts-import-progress-title = Importing contacts
contacts-import-done = The import is complete: { $created } contacts created, { $updated } updated, { $rejected } rows rejected.

## Local times and the coalition's settings

nav-settings = Coalition settings
time-zone = Time zone
time-zone-hint = The times in this form are in this zone. Start typing a city, such as Mexico_City or Guatemala.
time-error-format = Enter the date and time as 2026-11-24 09:00.
time-error-zone = Choose a time zone from the list, such as America/Mexico_City or America/Guatemala.
time-error-skipped = That time does not exist in this time zone: the clocks skip it that day. Choose another time.
time-error-ambiguous = That time happens twice in this time zone: the clocks go back that day. Choose a time outside the repeated hour.
coalition-settings-title = Coalition settings
coalition-settings-heading = Settings of { $coalition }
coalition-settings-intro = The language and the time zone your coalition works in.
coalition-settings-saved = Settings saved.
coalition-settings-submit = Save settings
coalition-language = Language
coalition-language-hint = New press releases are written in this language; you can change it for each release.
coalition-language-error = Choose one of the languages in the list.
coalition-zone = Time zone
coalition-zone-hint = Every time in the coalition's pages is shown in this zone, and forms start in it. Start typing a city, such as Mexico_City or Guatemala.
coalition-zone-new-hint = Times are typed and shown in this zone; you can change it later in the coalition's settings. Start typing a city, such as Mexico_City.
coalition-zone-notice = Times are shown in { $zone }.
coalition-zone-notice-owner = Times are shown in { $zone }. { $link }
coalition-zone-change = Change the coalition's language and time zone

## A mailing's audience and its delivery log

mailing-audience = Audience
# $lists is the names of saved lists, separated by commas.
mailing-audience-lists = Lists: { $lists }
# $tags is contact tags, separated by commas.
mailing-audience-tags = Tags: { $tags }
mailing-audience-signatories = Signatories of "{ $title }"
mailing-audience-deleted-list = (deleted list)
mailing-audience-deleted-statement = (deleted statement)
mailing-sent-at = Sent at

## How the coalition appears: its mail and its public pages
coalition-settings-locale = Language and time zone
face-heading = How your coalition appears
face-intro = The name and reply address of the mail your coalition sends, a footer under its releases and updates, and the website its public pages link to. Mail is still sent from this server's own address, the one its domain's SPF and DKIM records vouch for, so that it is not taken for a forgery; your name appears beside it and replies go to your address.
face-sender-name = Sender name
face-sender-name-hint = The name journalists and signatories see as the sender. Empty: { $coalition }.
face-reply-to = Replies go to
face-reply-to-hint = An address your coalition reads, such as your press officer's. Empty: replies to a release go to its first press contact.
face-reply-to-error = Enter an email address such as prensa@example.org, or leave the field empty.
face-footer = Footer of your mail
face-footer-hint = A few lines under every release and update, such as your address and website. At most 600 characters.
face-website = Website
face-website-hint = Your coalition's own website, linked from its public pages.
face-website-error = Enter a web address such as https://example.org, or leave the field empty.
face-submit = Save
face-saved = Saved: your mail and public pages now present your coalition this way.
logo-heading = Logo
logo-alt = Logo of { $coalition }
logo-file = Logo file
logo-hint = PNG, JPEG, GIF or WebP, at most { $kb } KB. It is shown small at the top of your public pages.
logo-submit = Upload logo
logo-remove = Remove the logo
logo-saved = The logo is saved and shown on your public pages.
logo-removed = The logo is removed.
logo-error-empty = Choose a picture file to upload.
logo-error-too-large = This file is larger than { $kb } KB. Save the logo smaller (a logo needs no more than 600 pixels across) and upload it again.
logo-error-format = This file is not a PNG, JPEG, GIF or WebP picture. Save the logo in one of these formats and upload it again.
press-reply-to = Replies go to
press-reply-to-hint-coalition = Empty: replies go to your coalition's address, { $email }.
press-reply-to-hint-contact = Empty: replies go to the first press contact.
press-warning-no-statement = This release uses { $count } or { $link } but links no statement, so they print nothing. Choose the statement in “Edit”, or take them out of the text.
press-warning-zero-signatories = { $count } prints 0 today: “{ $title }” has no listed signatures yet. The mail says 0 unless signatures are listed before it goes.
audience-skipped-invalid = invalid address
# $count is how many of the chosen recipients already received this release.
press-send-again = { $count ->
    [one] Send it again to the one recipient who already received it
   *[other] Send it again to the { $count } recipients who already received it
}
press-send-again-required = { $count ->
    [one] One of these recipients already received this release. Tick "Send it again" to mail it to them a second time, or choose another audience.
   *[other] { $count } of these recipients already received this release. Tick "Send it again" to mail it to them a second time, or choose another audience.
}
error-page-unavailable = The database is not answering right now. Please try again in a minute; if you were sending a form, send it again.
# $count is how many mails of a finished mailing were not delivered.
mailing-sent-with-failures = { $count ->
    [one] Sent, but one mail was not delivered:
   *[other] Sent, but { $count } mails were not delivered:
}
mailing-failures-bounced = { $count ->
    [one] 1 refused for good by the receiving server (its address is now suppressed)
   *[other] { $count } refused for good by the receiving server (their addresses are now suppressed)
}
mailing-failures-given-up = { $count ->
    [one] 1 given up after the server kept deferring it
   *[other] { $count } given up after the server kept deferring them
}
mailing-retry-hint = Once the cause is fixed, the mails given up can go again, once each. Refused addresses are left out.
mailing-retry-failed = Send the mails given up again
