# User interface strings in English. Every message id here must also exist
# in es/main.ftl (a unit test checks this).

language-name-en = English
language-name-es = Español
other-languages = Also available in
skip-to-content = Skip to content

## Statement page

signed-by = Signed by
organizations = Organizations
individuals = Individuals
signatures-count =
    { $count ->
        [one] { $count } signatory
       *[other] { $count } signatories
    }
sign-this-statement = Sign this statement
no-signatures-yet = No one has signed yet.
list-hidden-until-publication = The list of signatories will be published on { $date }.
statement-closed = This statement is closed to new signatures.
statement-deadline = Open for signatures until { $date }.
page-n-of-m = Page { $page } of { $pages }
next-page = Next page
previous-page = Previous page
printable-letter = Printable letter
download-json = Data (JSON)
letter-date-and-count =
    { $count ->
        [one] { $date } — { $count } signatory
       *[other] { $date } — { $count } signatories
    }

## Draft preview and comments

draft-preview-notice = Draft preview — not public. Share this link only with partners.
comment-heading = Comment on this draft
comment-name = Your name
comment-organization = Organization
comment-body = Comment
comment-submit = Send comment
comment-thanks = Thank you. The coordinators will see your comment.
comment-private = Comments are seen only by the coordinators, never published.

## Form validation

field-required = This field is required.
field-too-long = This is too long (at most { $max } characters).
field-control-characters = This contains characters that are not allowed.
field-too-deep = This nests quotes, lists or tags more than { $max } levels deep. Flatten the deepest parts and save again.
form-error-summary = Please correct the highlighted fields.

## Sign-on

sign-heading = Sign: { $title }
sign-intro = Your signature is listed only after you confirm it through the link we send to your email address.
sign-as-organization = On behalf of an organization
sign-as-individual = As an individual
sign-kind = I sign
field-organization = Organization name
field-country = Country (optional)
field-country-none = — No country —
field-website = Website (optional)
field-signer-name = Your name
field-signer-title = Your title or role
field-email = Your email address
field-email-hint = We send the confirmation link here. It is never published.
field-authorized = I am authorized to sign on behalf of this organization.
field-comment = Comment for the coordinators (optional)
field-comment-hint = Only the coordinators read it. It is never published or mailed.
field-name = Your name
field-affiliation = Affiliation (optional)
field-city = City (optional)
sign-submit = Sign
error-email = Enter an email address such as name@example.org, without quotes, spaces or an IP address.
error-authorized = Confirm that you are authorized to sign for this organization.
error-country = Choose a country from the list.
error-website = Enter a website such as example.org or https://example.org, or leave it empty.
error-rate-limited = Too many sign-ons from here or for this address. Please try again in an hour.
error-mail-cap = Too many messages were sent to this address today. Please try again tomorrow.
sign-sent-heading = Check your inbox
sign-sent-body = We sent a message to the address you gave. Open the link in it to confirm your signature. Nothing is published until you do.
sign-sent-spam = No message after a few minutes? Look in the spam folder, or sign again with the same address to get a fresh link.
sign-closed = This statement is not open for signatures.
confirm-heading = Confirm your signature
confirm-intro = This is how your signature will appear in the list:
confirm-button = Confirm
confirm-statement = Statement
confirm-done-heading = Thank you — your signature is confirmed
confirm-done-listed = Your name is now on the list.
confirm-done-approval = The coordinators review each signature before it is listed.
confirm-already-heading = This signature is already confirmed
manage-link-intro = To correct your details or withdraw your signature later, keep this private link:
manage-link = Manage your signature
confirm-expired-heading = This link has expired
confirm-unknown-heading = This link is not valid
confirm-fresh-intro = Enter your address and we will send a fresh link.
confirm-unknown-body = It may be incomplete or replaced by a newer one. Sign again with the same address on the statement's page: you will get a fresh link.
resend-submit = Send a fresh link
resend-done = If a signature is waiting for confirmation at this address, a fresh link is on its way.
manage-heading = Your signature
manage-save = Save changes
manage-saved = Your changes are saved.
manage-email-pending = We sent a link to your new address. The change takes effect when you open it.
manage-withdraw-heading = Withdraw your signature
manage-withdraw-body = Your name leaves the public list at once. The coordinators keep a record that you signed and withdrew.
manage-withdraw-button = Withdraw my signature
withdrawn-heading = Your signature is withdrawn
withdrawn-body = It no longer appears on the list.
error-email-taken = Another signature of this statement uses this address.
email-change-heading = Confirm your new address
email-change-button = Use this address
email-change-done = Your new address is saved.
reconsent-heading = The text you signed has changed
reconsent-intro = The coordinators changed the meaning of the statement. Here is what changed since the version you signed:
reconsent-confirm = I support the new text
reconsent-withdraw = Withdraw my signature
reconsent-done = Thank you. Your signature now stands for the new text.
invited-heading = You are invited to sign: { $title }
invited-intro = Check the details below and press Sign. No confirmation mail is needed: this personal link proves your address.
invited-decline = No, thank you
invited-declined = We noted that you do not wish to sign. Thank you for answering.
invited-signed = Thank you. Your signature is listed.
signed-revision = signed revision { $number }

## A coalition's newsroom
newsroom-title = { $coalition } newsroom
newsroom-release = Press release
newsroom-statement-open = Statement open for signatures
newsroom-statement-closed = Statement
newsroom-signed-by = signed by { $count }
newsroom-empty = Nothing published yet.
newsroom-feed = Follow this newsroom (Atom feed)
newsroom-more-from = More from { $coalition }
newsrooms-title = Newsrooms
newsrooms-empty = No coalition has published anything yet.
press-immediate-release = FOR IMMEDIATE RELEASE
