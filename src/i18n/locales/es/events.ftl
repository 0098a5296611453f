## Hechos que el producto guarda como un id de mensaje y sus valores, y que
## se ponen en palabras al mostrarse: entradas del registro de actividad,
## las palabras del propio producto en el registro de entregas de un envío
## y los resultados de una importación de firmas.
## Las entradas del registro siguen al nombre de quien actuó, por eso
## empiezan en minúscula.

## Declaraciones

# $title es el título de la declaración, tal como se escribió.
audit-statement-create = creó el borrador “{ $title }”
# $kind es un tipo de cambio (borrador, editorial, sustancial); $language, un código de idioma como es.
audit-statement-revise = guardó la versión { $number } ({ $kind }) del texto en { $language }, sin nota
audit-statement-revise-note = guardó la versión { $number } ({ $kind }) del texto en { $language }: { $note }
audit-statement-translate = agregó el texto en { $language } “{ $title }”
# $changes es la lista de ajustes cambiados, como “fecha límite 2026-12-01 18:00 UTC”.
audit-statement-settings = cambió { $changes }
audit-statement-settings-unchanged = guardó los ajustes sin cambios
audit-setting-address = dirección { $from } → { $to }
audit-setting-language = idioma { $from } → { $to }
audit-setting-signers = firmantes { $from } → { $to }
audit-setting-approval-on = ahora se requiere aprobación
audit-setting-approval-off = ya no se requiere aprobación
audit-setting-list-order = orden de la lista { $from } → { $to }
audit-setting-deadline = fecha límite { $time }
audit-setting-deadline-none = sin fecha límite
audit-setting-publish = hora de publicación { $time }
audit-setting-publish-none = sin hora de publicación
audit-setting-list-public = lista pública desde { $time }
audit-setting-list-public-none = lista pública en cuanto lo sea la declaración
audit-statement-open = abrió la declaración para recibir firmas
audit-statement-open-deadline-removed = abrió la declaración para recibir firmas (se quitó la fecha límite ya vencida)
audit-statement-close = cerró la declaración
audit-statement-reopen = reabrió la declaración
audit-statement-reopen-deadline-removed = reabrió la declaración (se quitó la fecha límite ya vencida)
audit-statement-close-deadline = cerró la declaración al llegar su fecha límite
audit-statement-preview-link = reemplazó el enlace de vista previa; el anterior dejó de funcionar
audit-statement-comment-resolve = marcó como resuelto un comentario de una organización aliada
# La nota de la primera versión de una traducción.
revision-note-translation = traducción

## Coaliciones e integrantes

audit-coalition-create = creó la coalición { $name }
audit-coalition-create-command-line = creó la coalición { $name } desde la línea de comandos
audit-coalition-settings = cambió el idioma de la coalición a { $language } y su zona horaria a { $zone }
audit-coalition-face = cambió cómo se presenta la coalición en su correo y sus páginas públicas (nombre del remitente: { $sender })
audit-coalition-logo = subió un logotipo nuevo
audit-coalition-logo-remove = quitó el logotipo
# $role es el nombre de un rol (titular, edición, lectura).
audit-member-add-command-line = { $email } tiene el rol de { $role } (línea de comandos)
audit-member-invite = invitó a { $email } con el rol de { $role }
audit-member-join = { $email } aceptó la invitación con el rol de { $role }
audit-member-uninvite = retiró la invitación de { $email }
audit-member-role = cambió el rol de { $email } de { $from } a { $to }
audit-member-remove = quitó a { $email }

## Firmas

audit-signature-approve = aprobó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }: { $names }
audit-signature-approve-told = aprobó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }: { $names } (se avisó por correo a quienes firmaron)
audit-signature-reject = rechazó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }: { $names }
audit-signature-reject-told = rechazó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }: { $names } (se avisó por correo a quienes firmaron)
audit-signature-delete = eliminó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }: { $names }
audit-signature-display-name = muestra “{ $before }” como “{ $shown }” (escrito: “{ $entered }”)
audit-signature-position = movió { $name } a la posición { $position }
audit-signature-position-end = movió { $name } al final
audit-signature-merge = fusionó “{ $dropped-name }” <{ $dropped-email }> con “{ $kept-name }” <{ $kept-email }>
audit-signature-withdraw = { $name } retiró su firma con su enlace personal
audit-signature-correct = quien firmó corrigió sus datos ({ $name })
audit-signature-invite = invitó a { $invited ->
        [one] 1 organización
       *[other] { $invited } organizaciones
    } (se omitieron { $suppressed } excluidas y { $already } ya invitadas o que ya firmaron)
audit-signature-remind = envió un recordatorio a { $count ->
        [one] 1 organización invitada
       *[other] { $count } organizaciones invitadas
    }
audit-signature-import-listed = importó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }, puestas directamente en la lista como agregadas por una persona coordinadora
audit-signature-import-confirm = importó { $count ->
        [one] 1 firma
       *[other] { $count } firmas
    }, cada una con un correo de confirmación
audit-reconsent-ask-listed = pidió a { $count ->
        [one] 1 firmante
       *[other] { $count } firmantes
    } de versiones anteriores que confirmen la versión { $number } (siguen en la lista mientras tanto)
audit-reconsent-ask-hidden = pidió a { $count ->
        [one] 1 firmante
       *[other] { $count } firmantes
    } de versiones anteriores que confirmen la versión { $number } (salen de la lista hasta que confirmen)
audit-reconsent-accept = { $name } confirmó la versión { $number }
audit-unsubscribe = { $email } se dio de baja

## Contactos

audit-contact-create = agregó el contacto { $name } <{ $email }>
audit-contact-update = editó el contacto { $name } <{ $email }>
audit-contact-update-do-not-contact = editó el contacto { $name } <{ $email }>; lo marcó como “no contactar”
audit-contact-update-may-contact = editó el contacto { $name } <{ $email }>; le quitó la marca “no contactar”
audit-contact-delete = eliminó el contacto { $name } <{ $email }>
audit-contact-import = importó contactos: { $created } creados, { $updated } actualizados, { $rejected ->
        [one] 1 fila rechazada
       *[other] { $rejected } filas rechazadas
    } y dejadas fuera
audit-contact-list-create-by-hand = guardó la lista de contactos { $list }, elegidos uno por uno
audit-contact-list-create-by-tags = guardó la lista de contactos { $list }, con las etiquetas { $tags }
audit-contact-list-delete = eliminó la lista de contactos { $list }
audit-contact-list-add = agregó { $count ->
        [one] 1 contacto
       *[other] { $count } contactos
    } a la lista { $list }
audit-contact-list-remove = quitó { $count ->
        [one] 1 contacto
       *[other] { $count } contactos
    } de la lista { $list }

## Comunicados de prensa y envíos

audit-release-create = creó el comunicado de prensa “{ $headline }”
audit-release-revise = guardó la versión { $number } de “{ $headline }”
# $time es una hora local con su zona, como 2026-11-24 09:00 CST (America/Mexico_City).
audit-release-embargo = fijó el embargo de “{ $headline }” para el { $time }
audit-release-settings = actualizó los ajustes de “{ $headline }”
audit-release-publish = publicó la versión web
audit-mailing-pause = pausó el envío “{ $subject }” ({ $count ->
        [one] 1 correo sin enviar
       *[other] { $count } correos sin enviar
    })
audit-mailing-resume = reanudó el envío “{ $subject }” ({ $count ->
        [one] 1 correo sin enviar
       *[other] { $count } correos sin enviar
    })
audit-mailing-cancel = canceló el envío “{ $subject }” ({ $count ->
        [one] 1 correo sin enviar
       *[other] { $count } correos sin enviar
    })
audit-mailing-test = envió una prueba a { $email }
# Lo que manda un envío, dentro de las entradas de abajo como $what.
audit-mailing-what-release = “{ $headline }” (versión { $number })
audit-mailing-what-update = el mensaje a firmantes “{ $subject }”
audit-mailing-send-now = envió { $what } de inmediato
audit-mailing-send-at-embargo = programó { $what } para cuando se levante el embargo, { $time }
audit-mailing-send-later = programó { $what } para el { $time }
audit-mailing-send = envió { $what }
audit-mailing-start = empezó a enviar “{ $subject }” a { $count ->
        [one] 1 dirección
       *[other] { $count } direcciones
    } (se omitieron { $suppressed } excluidas)

## Los nombres, en el registro de actividad, de lo que se hizo (según el
## código de la acción, con sus puntos como guiones) y de sobre qué se hizo
## (el tipo de objeto). Aparecen en la tabla y en el filtro de acciones, por
## eso empiezan en mayúscula.

audit-action-statement-create = Creación de declaración
audit-action-statement-revise = Nueva versión de declaración
audit-action-statement-translate = Traducción de declaración
audit-action-statement-settings = Cambio de configuración de declaración
audit-action-statement-status = Apertura o cierre de declaración
audit-action-statement-preview-link = Nuevo enlace de vista previa
audit-action-statement-comment-resolve = Comentario resuelto
audit-action-coalition-create = Creación de coalición
audit-action-coalition-settings = Cambio de configuración de coalición
audit-action-coalition-face = Cambio en la presentación de la coalición
audit-action-coalition-logo = Logotipo subido
audit-action-coalition-logo-remove = Logotipo quitado
audit-action-member-add = Alta de integrante
audit-action-member-invite = Invitación a la coalición
audit-action-member-join = Invitación aceptada
audit-action-member-uninvite = Invitación retirada
audit-action-member-role = Cambio de rol de integrante
audit-action-member-remove = Baja de integrante
audit-action-signature-approved = Aprobación de firmas
audit-action-signature-rejected = Rechazo de firmas
audit-action-signature-deleted = Eliminación de firmas
audit-action-signature-display-name = Cambio de nombre mostrado
audit-action-signature-position = Cambio de posición de firma
audit-action-signature-merge = Fusión de firmas
audit-action-signature-withdraw = Retiro de firma
audit-action-signature-correct = Corrección de datos de firma
audit-action-signature-import = Importación de firmas
audit-action-signature-invite = Invitaciones a firmar
audit-action-signature-remind = Recordatorios de invitación
audit-action-signature-reconsent = Solicitud de reconfirmación de firmas
audit-action-signature-reconsent-accept = Reconfirmación de firma
audit-action-suppression-unsubscribe = Baja de los envíos
audit-action-contact-create = Alta de contacto
audit-action-contact-update = Edición de contacto
audit-action-contact-delete = Eliminación de contacto
audit-action-contact-import = Importación de contactos
audit-action-contact-list-create = Creación de lista de contactos
audit-action-contact-list-delete = Eliminación de lista de contactos
audit-action-contact-list-add = Contactos agregados a una lista
audit-action-contact-list-remove = Contactos quitados de una lista
audit-action-release-create = Creación de comunicado de prensa
audit-action-release-revise = Nueva versión de comunicado de prensa
audit-action-release-publish = Publicación web de comunicado de prensa
audit-action-mailing-schedule = Envío inmediato o programado
audit-action-mailing-start = Inicio de envío
audit-action-mailing-pause = Pausa de envío
audit-action-mailing-resume = Reanudación de envío
audit-action-mailing-cancel = Cancelación de envío
audit-action-mailing-test = Correo de prueba
audit-object-statement = declaración
audit-object-comment = comentario
audit-object-coalition = coalición
audit-object-coordinator = persona coordinadora
audit-object-invitation = invitación
audit-object-signature = firma
audit-object-address = dirección de correo
audit-object-contact = contacto
audit-object-contacts = contactos
audit-object-contact-list = lista de contactos
audit-object-release = comunicado de prensa
audit-object-mailing = envío

## Registro de entregas de un envío: lo que dice el producto de un correo.
## $reply y $error son lo que dijo un servidor o el sistema, con sus propias palabras.

mail-reply-gave-up = se dejó de intentar tras { $count ->
        [one] 1 intento
       *[other] { $count } intentos
    }; última respuesta: { $reply }
mail-reply-written = guardado en { $path }
mail-reply-not-written = no se pudo guardar { $path }: { $error }
mail-reply-no-answer = { $server } no respondió en { $seconds } segundos
mail-reply-connect-timeout = no se pudo conectar con { $server } en { $seconds } segundos
mail-reply-unreachable = no se pudo conectar con { $server }: { $error }
mail-reply-credentials = el servidor SMTP rechazó las credenciales: { $reply }
mail-reply-unbuildable = no se pudo armar el correo: { $error }
mailing-log-sent-at = Enviado (UTC)

## Importación de firmas: por qué se deja fuera una fila, o la lista entera

import-row-signed = esta dirección ya firmó
import-row-name = el nombre está vacío, es demasiado largo o tiene caracteres de control
import-row-email-needed = hace falta una dirección para enviar la confirmación
import-row-email = “{ $value }” no es una dirección de correo
import-row-country = “{ $value }” no es un código ni un nombre de país
import-row-field = un campo es demasiado largo o tiene caracteres de control
import-row-website = “{ $value }” no es un sitio web

## Invitaciones a firmar: por qué no se usa una línea de la lista pegada

invitations-line-unreadable = línea { $line }: no se pudo leer
invitations-line-no-email = línea { $line }: no tiene una dirección de correo válida
invitations-line-no-organization = línea { $line }: no tiene nombre de organización
invitations-line-bad-country = línea { $line }: el país no es un código ISO como MX o GT
audit-mailing-retry = volvió a enviar los correos abandonados del envío “{ $subject }” ({ $count ->
        [one] 1 correo
       *[other] { $count } correos
    })
audit-action-mailing-retry = Reintento de envío
