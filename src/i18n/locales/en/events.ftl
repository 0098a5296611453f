## Facts the product stores as a message id and its values, put into
## words when shown: audit entries, the product's own words in a mailing's
## delivery log, and the verdicts of a signature import.
## Audit entries follow the name of who did it, so they start in lower case.

## Statements

# $title is the statement's title as typed.
audit-statement-create = created the draft “{ $title }”
# $kind is a change kind (draft, editorial, material); $language a language code such as es.
audit-statement-revise = saved revision { $number } ({ $kind }) of the { $language } version: no note
audit-statement-revise-note = saved revision { $number } ({ $kind }) of the { $language } version: { $note }
audit-statement-translate = added the { $language } version “{ $title }”
# $changes is a list of the settings changed, such as "deadline 2026-12-01 18:00 UTC".
audit-statement-settings = changed { $changes }
audit-statement-settings-unchanged = saved the settings unchanged
audit-setting-address = address { $from } → { $to }
audit-setting-language = language { $from } → { $to }
audit-setting-signers = signers { $from } → { $to }
audit-setting-approval-on = approval required
audit-setting-approval-off = approval no longer required
audit-setting-list-order = list order { $from } → { $to }
audit-setting-deadline = deadline { $time }
audit-setting-deadline-none = no deadline
audit-setting-publish = publish time { $time }
audit-setting-publish-none = no publish time
audit-setting-list-public = list public from { $time }
audit-setting-list-public-none = list public as soon as the statement is
audit-statement-open = opened the statement for signatures
audit-statement-open-deadline-removed = opened the statement for signatures (the passed deadline was removed)
audit-statement-close = closed the statement
audit-statement-reopen = reopened the statement
audit-statement-reopen-deadline-removed = reopened the statement (the passed deadline was removed)
audit-statement-close-deadline = closed the statement at its deadline
audit-statement-preview-link = replaced the preview link; the old one stopped working
audit-statement-comment-resolve = marked a partner's comment resolved
# The note of the first revision of a translation.
revision-note-translation = translation

## Coalitions and members

audit-coalition-create = created the coalition { $name }
audit-coalition-create-command-line = created the coalition { $name } from the command line
audit-coalition-settings = set the coalition's language to { $language } and its time zone to { $zone }
audit-coalition-face = set how the coalition appears in its mail and public pages (sender name: { $sender })
audit-coalition-logo = uploaded a new logo
audit-coalition-logo-remove = removed the logo
# $role is a role's name (owner, editor, viewer).
audit-member-add-command-line = { $email } is { $role } (command line)
audit-member-invite = invited { $email } as { $role }
audit-member-join = { $email } accepted the invitation as { $role }
audit-member-uninvite = withdrew the invitation of { $email }
audit-member-role = changed the role of { $email } from { $from } to { $to }
audit-member-remove = removed { $email }

## Signatures

audit-signature-approve = approved { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }: { $names }
audit-signature-approve-told = approved { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }: { $names } (signers told by mail)
audit-signature-reject = rejected { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }: { $names }
audit-signature-reject-told = rejected { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }: { $names } (signers told by mail)
audit-signature-delete = deleted { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }: { $names }
audit-signature-display-name = shows “{ $before }” as “{ $shown }” (entered: “{ $entered }”)
audit-signature-position = moved { $name } to position { $position }
audit-signature-position-end = moved { $name } to the end
audit-signature-merge = merged “{ $dropped-name }” <{ $dropped-email }> into “{ $kept-name }” <{ $kept-email }>
audit-signature-withdraw = { $name } withdrew through the manage link
audit-signature-correct = the signer corrected their details ({ $name })
audit-signature-invite = invited { $invited ->
        [one] 1 organization
       *[other] { $invited } organizations
    } ({ $suppressed } suppressed, { $already } already invited or signed, skipped)
audit-signature-remind = sent a reminder to { $count ->
        [one] 1 invited organization
       *[other] { $count } invited organizations
    }
audit-signature-import-listed = imported { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }, listed directly as added by coordinator
audit-signature-import-confirm = imported { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }, each sent a confirmation mail
audit-reconsent-ask-listed = asked { $count ->
        [one] 1 signer
       *[other] { $count } signers
    } of earlier revisions to confirm revision { $number } (they stay listed meanwhile)
audit-reconsent-ask-hidden = asked { $count ->
        [one] 1 signer
       *[other] { $count } signers
    } of earlier revisions to confirm revision { $number } (they leave the list until they confirm)
audit-reconsent-accept = { $name } confirmed revision { $number }
audit-unsubscribe = { $email } unsubscribed

## Contacts

audit-contact-create = added the contact { $name } <{ $email }>
audit-contact-update = edited the contact { $name } <{ $email }>
audit-contact-update-do-not-contact = edited the contact { $name } <{ $email }>; marked do-not-contact
audit-contact-update-may-contact = edited the contact { $name } <{ $email }>; do-not-contact mark removed
audit-contact-delete = deleted the contact { $name } <{ $email }>
audit-contact-import = imported contacts: { $created } created, { $updated } updated, { $rejected ->
        [one] 1 row
       *[other] { $rejected } rows
    } rejected and left out
audit-contact-list-create-by-hand = saved the contact list { $list }, picked by hand
audit-contact-list-create-by-tags = saved the contact list { $list }, by the tags { $tags }
audit-contact-list-delete = deleted the contact list { $list }
audit-contact-list-add = added { $count ->
        [one] 1 contact
       *[other] { $count } contacts
    } to the list { $list }
audit-contact-list-remove = removed { $count ->
        [one] 1 contact
       *[other] { $count } contacts
    } from the list { $list }

## Press releases and mailings

audit-release-create = created the press release “{ $headline }”
audit-release-revise = saved revision { $number } of “{ $headline }”
# $time is a local time with its zone, such as 2026-11-24 09:00 CET (Europe/Berlin).
audit-release-embargo = set the embargo of “{ $headline }” to { $time }
audit-release-settings = updated the settings of “{ $headline }”
audit-release-publish = published the web version
audit-mailing-pause = paused the mailing “{ $subject }” ({ $count ->
        [one] 1 unsent mail
       *[other] { $count } unsent mails
    })
audit-mailing-resume = resumed the mailing “{ $subject }” ({ $count ->
        [one] 1 unsent mail
       *[other] { $count } unsent mails
    })
audit-mailing-cancel = cancelled the mailing “{ $subject }” ({ $count ->
        [one] 1 unsent mail
       *[other] { $count } unsent mails
    })
audit-mailing-test = sent a test to { $email }
# What a mailing sends, inside the entries below as $what.
audit-mailing-what-release = “{ $headline }” (revision { $number })
audit-mailing-what-update = the update “{ $subject }”
audit-mailing-send-now = sent { $what } now
audit-mailing-send-at-embargo = sent { $what } at the embargo, { $time }
audit-mailing-send-later = sent { $what } for { $time }
audit-mailing-send = sent { $what }
audit-mailing-start = started sending “{ $subject }” to { $count ->
        [one] 1 address
       *[other] { $count } addresses
    } ({ $suppressed } suppressed, skipped)

## The audit log's names of what was done (from the action code, with its
## dots as dashes) and of what it was done to (the object type). Shown in
## the table and the action filter, so they start in upper case.

audit-action-statement-create = Statement created
audit-action-statement-revise = Statement revised
audit-action-statement-translate = Statement translated
audit-action-statement-settings = Statement settings changed
audit-action-statement-status = Statement opened or closed
audit-action-statement-preview-link = Preview link replaced
audit-action-statement-comment-resolve = Comment resolved
audit-action-coalition-create = Coalition created
audit-action-coalition-settings = Coalition settings changed
audit-action-coalition-face = Presentation of the coalition changed
audit-action-coalition-logo = Logo uploaded
audit-action-coalition-logo-remove = Logo removed
audit-action-member-add = Member added
audit-action-member-invite = Member invited
audit-action-member-join = Invitation accepted
audit-action-member-uninvite = Invitation withdrawn
audit-action-member-role = Member role changed
audit-action-member-remove = Member removed
audit-action-signature-approved = Signatures approved
audit-action-signature-rejected = Signatures rejected
audit-action-signature-deleted = Signatures deleted
audit-action-signature-display-name = Display name changed
audit-action-signature-position = Signature moved
audit-action-signature-merge = Signatures merged
audit-action-signature-withdraw = Signature withdrawn
audit-action-signature-correct = Signer's details corrected
audit-action-signature-import = Signatures imported
audit-action-signature-invite = Organizations invited to sign
audit-action-signature-remind = Invitation reminders sent
audit-action-signature-reconsent = Signers asked to confirm a revision
audit-action-signature-reconsent-accept = Revision confirmed by a signer
audit-action-suppression-unsubscribe = Unsubscribed from mailings
audit-action-contact-create = Contact added
audit-action-contact-update = Contact edited
audit-action-contact-delete = Contact deleted
audit-action-contact-import = Contacts imported
audit-action-contact-list-create = Contact list saved
audit-action-contact-list-delete = Contact list deleted
audit-action-contact-list-add = Contacts added to a list
audit-action-contact-list-remove = Contacts removed from a list
audit-action-release-create = Press release created
audit-action-release-revise = Press release revised
audit-action-release-publish = Press release published on the web
audit-action-mailing-schedule = Mailing sent or scheduled
audit-action-mailing-start = Mailing started
audit-action-mailing-pause = Mailing paused
audit-action-mailing-resume = Mailing resumed
audit-action-mailing-cancel = Mailing cancelled
audit-action-mailing-test = Test mail sent
audit-object-statement = statement
audit-object-comment = comment
audit-object-coalition = coalition
audit-object-coordinator = coordinator
audit-object-invitation = invitation
audit-object-signature = signature
audit-object-address = email address
audit-object-contact = contact
audit-object-contacts = contacts
audit-object-contact-list = contact list
audit-object-release = press release
audit-object-mailing = mailing

## A mailing's delivery log: what the product says about one mail. $reply
## and $error are what a server or the system said, in their own words.

mail-reply-gave-up = gave up after { $count ->
        [one] 1 attempt
       *[other] { $count } attempts
    }; last reply: { $reply }
mail-reply-written = written to { $path }
mail-reply-not-written = could not write { $path }: { $error }
mail-reply-no-answer = no answer from { $server } within { $seconds } seconds
mail-reply-connect-timeout = could not connect to { $server } within { $seconds } seconds
mail-reply-unreachable = could not connect to { $server }: { $error }
mail-reply-credentials = the SMTP server refused the credentials: { $reply }
mail-reply-unbuildable = the mail could not be built: { $error }
mailing-log-sent-at = Sent at (UTC)

## Signature import: why a row is left out, or the whole list

import-row-signed = this address has signed already
import-row-name = the name is empty, too long or has control characters
import-row-email-needed = an address is needed to send a confirmation
import-row-email = “{ $value }” is not an email address
import-row-country = “{ $value }” is not a country code or name
import-row-field = a field is too long or has control characters
import-row-website = “{ $value }” is not a website

## Signature invitations: why a line of a pasted list is not used

invitations-line-unreadable = line { $line }: could not be read
invitations-line-no-email = line { $line }: no valid email address
invitations-line-no-organization = line { $line }: no organization name
invitations-line-bad-country = line { $line }: the country is not an ISO code such as MX or DE
audit-mailing-retry = sent again the mails given up of the mailing “{ $subject }” ({ $count ->
        [one] 1 mail
       *[other] { $count } mails
    })
audit-action-mailing-retry = Mailing retried
