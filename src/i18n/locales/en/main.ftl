# User interface strings in English. Every message id here must also exist
# in es/main.ftl (a unit test checks this).

language-name-en = English
language-name-es = Español
other-languages = Also available in

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
