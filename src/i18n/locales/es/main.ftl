# Textos de la interfaz en español. Cada identificador de mensaje de
# en/main.ftl debe existir también aquí (lo comprueba una prueba unitaria).

language-name-en = English
language-name-es = Español
other-languages = También disponible en

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
