# Textos de la interfaz en español. Cada identificador de mensaje de
# en/main.ftl debe existir también aquí (lo comprueba una prueba unitaria).

language-name-en = English
language-name-es = Español
other-languages = También disponible en
skip-to-content = Saltar al contenido

## Página de la declaración

signed-by = Firmado por
organizations = Organizaciones
individuals = Personas
signatures-count =
    { $count ->
        [one] { $count } firmante
       *[other] { $count } firmantes
    }
sign-this-statement = Firmar esta declaración
no-signatures-yet = Todavía no hay firmas.
list-hidden-until-publication = La lista de firmantes se publicará el { $date }.
statement-closed = Esta declaración ya no admite nuevas firmas.
statement-deadline = Abierta a firmas hasta el { $date }.
page-n-of-m = Página { $page } de { $pages }
next-page = Siguiente página
previous-page = Página anterior
printable-letter = Carta para imprimir
download-json = Datos (JSON)
letter-date-and-count =
    { $count ->
        [one] { $date } — { $count } firmante
       *[other] { $date } — { $count } firmantes
    }

## Vista previa del borrador y comentarios

draft-preview-notice = Vista previa del borrador: no es pública. Comparte este enlace solo con organizaciones aliadas.
comment-heading = Comentar este borrador
comment-name = Tu nombre
comment-organization = Organización
comment-body = Comentario
comment-submit = Enviar comentario
comment-thanks = Gracias. Las personas coordinadoras verán tu comentario.
comment-private = Solo las personas coordinadoras ven los comentarios; nunca se publican.

## Validación de formularios

field-required = Este campo es obligatorio.
field-too-long = Es demasiado largo (máximo { $max } caracteres).
field-control-characters = Contiene caracteres no permitidos.
field-too-deep = Aquí hay citas, listas o etiquetas anidadas en más de { $max } niveles. Aplana las partes más profundas y vuelve a guardar.
form-error-summary = Corrige los campos señalados.

## Firma

sign-heading = Firmar: { $title }
sign-intro = Tu firma solo aparece en la lista después de que la confirmes con el enlace que enviamos a tu correo electrónico.
sign-as-organization = En nombre de una organización
sign-as-individual = A título personal
sign-kind = Firmo
field-organization = Nombre de la organización
field-country = País (opcional)
field-country-none = — Sin país —
field-website = Sitio web (opcional)
field-signer-name = Tu nombre
field-signer-title = Tu cargo o función
field-email = Tu correo electrónico
field-email-hint = Aquí enviamos el enlace de confirmación. Nunca se publica.
field-authorized = Estoy autorizada o autorizado para firmar en nombre de esta organización.
field-comment = Comentario para las personas coordinadoras (opcional)
field-comment-hint = Solo lo leen las personas coordinadoras. Nunca se publica ni se envía por correo.
field-name = Tu nombre
field-affiliation = Afiliación (opcional)
field-city = Ciudad (opcional)
sign-submit = Firmar
error-email = Escribe una dirección de correo como nombre@ejemplo.org, sin comillas, espacios ni direcciones IP.
error-authorized = Confirma que tienes autorización para firmar por esta organización.
error-country = Elige un país de la lista.
error-website = Escribe un sitio web como ejemplo.org o https://ejemplo.org, o déjalo vacío.
error-rate-limited = Demasiadas firmas desde aquí o para esta dirección. Vuelve a intentarlo dentro de una hora.
error-mail-cap = Hoy ya se enviaron demasiados mensajes a esta dirección. Vuelve a intentarlo mañana.
sign-sent-heading = Revisa tu correo
sign-sent-body = Enviamos un mensaje a la dirección que indicaste. Abre el enlace para confirmar tu firma. No se publica nada hasta que lo hagas.
sign-sent-spam = ¿No llega nada en unos minutos? Mira en la carpeta de correo no deseado, o firma de nuevo con la misma dirección para recibir un enlace nuevo.
sign-closed = Esta declaración no está abierta a firmas.
confirm-heading = Confirma tu firma
confirm-intro = Así aparecerá tu firma en la lista:
confirm-button = Confirmar
confirm-statement = Declaración
confirm-done-heading = Gracias: tu firma está confirmada
confirm-done-listed = Tu nombre ya aparece en la lista.
confirm-done-approval = Las personas coordinadoras revisan cada firma antes de publicarla.
confirm-already-heading = Esta firma ya está confirmada
manage-link-intro = Para corregir tus datos o retirar tu firma más adelante, guarda este enlace privado:
manage-link = Gestionar tu firma
confirm-expired-heading = Este enlace ha caducado
confirm-unknown-heading = Este enlace no es válido
confirm-fresh-intro = Escribe tu dirección y te enviaremos un enlace nuevo.
confirm-unknown-body = Puede estar incompleto o haber sido reemplazado por otro más reciente. Firma de nuevo con la misma dirección en la página de la declaración y recibirás un enlace nuevo.
resend-submit = Enviar un enlace nuevo
resend-done = Si hay una firma pendiente de confirmar con esta dirección, te enviamos un enlace nuevo.
manage-heading = Tu firma
manage-save = Guardar cambios
manage-saved = Tus cambios están guardados.
manage-email-pending = Enviamos un enlace a tu nueva dirección. El cambio se aplica cuando lo abras.
manage-withdraw-heading = Retirar tu firma
manage-withdraw-body = Tu nombre sale de la lista pública de inmediato. Las personas coordinadoras conservan constancia de que firmaste y retiraste tu firma.
manage-withdraw-button = Retirar mi firma
withdrawn-heading = Tu firma está retirada
withdrawn-body = Ya no aparece en la lista.
error-email-taken = Otra firma de esta declaración usa esta dirección.
email-change-heading = Confirma tu nueva dirección
email-change-button = Usar esta dirección
email-change-done = Tu nueva dirección está guardada.
reconsent-heading = El texto que firmaste ha cambiado
reconsent-intro = Las personas coordinadoras cambiaron el sentido de la declaración. Esto es lo que cambió desde la versión que firmaste:
reconsent-confirm = Apoyo el nuevo texto
reconsent-withdraw = Retirar mi firma
reconsent-done = Gracias. Tu firma respalda ahora el nuevo texto.
invited-heading = Te invitamos a firmar: { $title }
invited-intro = Revisa los datos y pulsa Firmar. No hace falta un correo de confirmación: este enlace personal demuestra tu dirección.
invited-decline = No, gracias
invited-declined = Anotamos que no deseas firmar. Gracias por responder.
invited-signed = Gracias. Tu firma ya aparece en la lista.
signed-revision = firmó la revisión { $number }

## Sala de prensa de una coalición
newsroom-title = Sala de prensa de { $coalition }
newsroom-release = Comunicado de prensa
newsroom-statement-open = Declaración abierta a firmas
newsroom-statement-closed = Declaración
newsroom-signed-by = firmada por { $count }
newsroom-empty = Todavía no hay nada publicado.
newsroom-feed = Sigue esta sala de prensa (canal Atom)
newsroom-more-from = Más de { $coalition }
newsrooms-title = Salas de prensa
newsrooms-empty = Ninguna coalición ha publicado nada todavía.
press-immediate-release = PARA DIFUSIÓN INMEDIATA
