# Textos de las páginas de coordinación, en español. A diferencia de
# main.ftl, este archivo no necesita tenerlos todos: un mensaje que falte
# aquí se muestra en inglés (fallback_language en messages.rs).
# Las palabras que son valores guardados, como `draft` u `owner`, también
# aparecen aquí, un mensaje por valor, para que las páginas las muestren
# traducidas.

# El idioma de este archivo, para <html lang>. Cae al inglés junto con lo
# demás, así que una página sigue marcada en inglés hasta que su idioma
# tenga un coordinator.ftl.
coordinator-language = es

## Marco de todas las páginas de coordinación

nav-coalition = Coalición
nav-members = Integrantes
nav-audit-log = Registro de actividad
nav-account = Cuenta
nav-switch-coalition = Cambiar de coalición
nav-log-out = Cerrar sesión

home-title = Declaraciones conjuntas
home-lead = Declaraciones conjuntas con firmas verificadas, una lista de firmantes confiable y envíos de prensa limpios.
home-log-in = Personas coordinadoras: inicia sesión

## Páginas de error

error-page-heading =
    { $status ->
        [400] Solicitud incorrecta
        [403] Acceso denegado
        [404] Página no encontrada
        [405] Método no permitido
        [413] Contenido demasiado grande
        [415] Tipo de contenido no admitido
        [429] Demasiadas solicitudes
        [500] Error interno del servidor
        [503] Servicio no disponible
       *[other] { $reason }
    }
error-page-start = Ir a la página de inicio
error-page-not-found = No hay nada en esta dirección. Revisa el enlace o vuelve a empezar desde la página de inicio.
error-page-forbidden = No tienes permiso para hacer esto. Pide acceso a una persona titular de la coalición.
error-page-bad-request = No se pudo entender la solicitud. Regresa e inténtalo de nuevo.
error-page-unexpected = Algo falló de nuestro lado. Ya quedó registrado; vuelve a intentarlo en un momento.
error-page-csrf = Este formulario caducó o no proviene de este sitio. Regresa, vuelve a cargar la página e inténtalo de nuevo.
error-page-too-many = Hay demasiadas solicitudes desde aquí. Espera unos minutos e inténtalo de nuevo.
error-form-too-large = El formulario es demasiado grande.

## Cuentas: configuración inicial, inicio de sesión y contraseña

account-your-name = Tu nombre
account-your-email = Tu correo electrónico
account-email-address = Correo electrónico
account-password = Contraseña
account-password-hint = Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura.
account-current-password = Contraseña actual
account-new-password = Contraseña nueva
account-title = Tu cuenta
account-name = Nombre
account-email = Correo
account-change-password = Cambiar la contraseña
account-change-password-submit = Cambiar contraseña
account-password-changed = Tu contraseña cambió. Se cerraron todas las demás sesiones de esta cuenta.
account-error-name = Escribe tu nombre (máximo 120 caracteres).
account-error-email = Escribe un correo electrónico como nombre@ejemplo.org.
account-language = Idioma
language-switcher = Idioma
account-language-label = Idioma de tus páginas
account-language-browser = El idioma de mi navegador
account-language-submit = Guardar idioma
account-language-saved = Tu idioma quedó guardado.
account-error-language = Elige un idioma de la lista.
account-error-password-too-short = Elige una contraseña de al menos { $min } caracteres.
account-error-password-too-long = Esta contraseña es demasiado larga; usa como máximo 1024 caracteres.
account-error-wrong-current = Esta no es tu contraseña actual.
setup-title = Configurar Undersigned
setup-intro = Crea la primera cuenta de persona coordinadora. Serás titular de la primera coalición y podrás invitar a las demás personas.
setup-coalition = Nombre de tu coalición
setup-coalition-hint = Por ejemplo: Coalición por el Agua Limpia. Puedes crear más después.
setup-submit = Crear cuenta y coalición
setup-error-coalition = Escribe el nombre de la coalición (máximo 120 caracteres).
setup-invalid-title = Enlace de configuración no válido
setup-invalid-heading = Este enlace de configuración no es válido
setup-invalid-body = Ya se usó o caducó. Si todavía no existe ninguna cuenta de persona coordinadora, reinicia el servidor: mostrará un enlace nuevo. Si ya existe, { $log-in }.
setup-invalid-log-in = inicia sesión
login-title = Iniciar sesión
login-submit = Iniciar sesión
login-forgot = ¿Olvidaste tu contraseña?
login-wrong-credentials = El correo electrónico o la contraseña no son correctos. Revisa ambos y vuelve a intentarlo, o restablece tu contraseña.
login-throttled =
    { $minutes ->
        [one] Demasiados intentos fallidos. Vuelve a intentarlo en { $minutes } minuto, o restablece tu contraseña.
       *[other] Demasiados intentos fallidos. Vuelve a intentarlo en { $minutes } minutos, o restablece tu contraseña.
    }
forgot-title = Restablecer la contraseña
forgot-intro = Escribe el correo electrónico de tu cuenta. Te enviaremos un enlace para elegir una contraseña nueva.
forgot-submit = Enviar el enlace
forgot-sent = Si existe una cuenta con ese correo, ya va en camino un enlace para elegir una contraseña nueva. Funciona una sola vez, durante dos horas.
forgot-back-to-log-in = Volver a iniciar sesión
forgot-limited = Demasiadas solicitudes desde aquí. Vuelve a intentarlo dentro de una hora.
reset-title = Elige una contraseña nueva
reset-submit = Guardar la contraseña e iniciar sesión
reset-invalid-title = Enlace no válido
reset-invalid-heading = Este enlace ya no es válido
reset-invalid-body = Los enlaces para cambiar la contraseña funcionan una sola vez y durante dos horas. { $new-link }.
reset-invalid-new-link = Pide un enlace nuevo

## Coaliciones, integrantes y roles

role-owner = titular
role-editor = edición
role-viewer = lectura
role-description-owner = puede gestionar integrantes y configuración, además de todo lo que hace el rol de edición
role-description-editor = puede editar declaraciones, firmas, contactos y comunicados
role-description-viewer = puede ver todo, sin cambiar nada
role-option = { $role } — { $description }
coalitions-title = Tus coaliciones
coalitions-none = Todavía no formas parte de ninguna coalición. Crea una o pide a una persona titular que te invite.
coalitions-role = ({ $role })
coalitions-create = Crear una coalición
coalitions-name = Nombre
coalitions-create-submit = Crear coalición
coalitions-error-name = Escribe un nombre de 120 caracteres como máximo.
coalitions-error-name-taken = Ya existe una coalición con este nombre. Elige otro.
members-title = Integrantes
members-heading = Integrantes de { $coalition }
members-name = Nombre
members-email = Correo
members-role = Rol
members-change = Cambiar
members-role-of = Rol de { $name }
members-change-role = Cambiar rol
members-remove = Quitar
members-pending = Invitaciones pendientes
members-invitation = { $email } — rol: { $role }
members-withdraw = Retirar
members-invite = Invitar a alguien
members-invite-email = Correo electrónico
members-invite-role = Rol
members-invite-submit = Enviar invitación
members-error-role = Elige un rol: titular, edición o lectura.
members-error-already-member = Esta persona ya es integrante de la coalición.
members-error-last-owner = Una coalición necesita al menos una persona titular. Primero dale el rol de titular a alguien más.

## Unirse a una coalición por invitación

join-title = Unirte a una coalición
join-heading = Unirte a { $coalition }
join-invited-as = Te invitaron a { $coalition } en Undersigned con el rol de { $role }.
join-logged-in-as = Iniciaste sesión como { $email }.
join-accept = Aceptar la invitación
join-logged-in-as-other = Iniciaste sesión como { $email }, pero la invitación se envió a { $invited }. Cierra sesión y vuelve a abrir el enlace.
join-has-account = Ya existe una cuenta para { $email }. { $log-in } para aceptar la invitación.
join-log-in = Inicia sesión
join-create-account = Para aceptar, crea tu cuenta con { $email }.
join-password-hint = Al menos 10 caracteres.
join-submit = Crear cuenta y unirme
join-invalid-title = Invitación no válida
join-invalid-heading = Esta invitación ya no es válida
join-invalid-body = Ya se usó, se retiró o caducó (las invitaciones duran siete días). Pide una nueva a una persona titular de la coalición.
join-log-in-first-title = Inicia sesión para aceptar
join-log-in-first-body = Ya existe una cuenta para { $email }. Inicia sesión con ella y vuelve a abrir el enlace de la invitación.
join-other-address-title = Invitación para otra dirección
join-other-address-heading = Esta invitación es para otra dirección
join-other-address-body = Se envió a { $email }. Cierra sesión y vuelve a abrir el enlace para crear esa cuenta o iniciar sesión con ella.

## Registro de actividad

audit-title = Registro de actividad
audit-action = Acción
audit-all-actions = Todas las acciones
audit-who = Quién
audit-object-filter = ID o tipo de objeto
audit-text = Texto
audit-filter = Filtrar
audit-none = No hay entradas que coincidan.
audit-when = Cuándo (UTC)
audit-what = Qué
audit-object = Objeto
audit-older = Entradas anteriores

## Declaraciones: lista, nueva declaración, panel

statement-status-draft = borrador
statement-status-open = abierta
statement-status-closed = cerrada
signers-organizations = organizaciones
signers-individuals = personas
signers-both = ambas
list-order-alphabetical = alfabético
list-order-country = por país
list-order-time = por hora de firma
list-order-manual = manual
change-kind-draft = borrador
change-kind-editorial = editorial
change-kind-material = sustancial
statement-back = Volver a la declaración
statements-title = Declaraciones
statements-new = Nueva declaración
statements-none = Todavía no hay declaraciones.
statements-column-title = Título
statements-column-status = Estado
statements-column-listed = En la lista
statements-column-language = Idioma
statements-column-created = Creada
statement-field-title = Título
statement-field-language = Idioma
statement-field-language-hint = Un código de idioma: es, en, fr, pt-BR…
statement-field-body = Texto (Markdown)
statement-field-body-hint = Párrafos, **negritas**, *cursivas*, listas, > citas y [enlaces](https://ejemplo.org).
statement-save-draft = Guardar borrador
statement-error-title = Ponle un título a la declaración.
statement-error-body = Escribe el texto de la declaración.
statement-error-too-long = Es demasiado largo: máximo { $max } caracteres.
statement-error-control-characters = Quita los caracteres de control invisibles (suelen colarse al pegar desde otro programa).
statement-error-field = Revisa este campo.
statement-error-language = Escribe un código de idioma como es, en o pt-BR.
statement-error-unknown-status = Estado desconocido.
# $from y $to son palabras de estado de la declaración.
statement-error-transition = Una declaración no puede pasar de { $from } a { $to }. Vuelve a cargar la página para ver su estado actual.
dashboard-open = Abrir a firmas
dashboard-close = Cerrar
dashboard-reopen = Reabrir
dashboard-settings = Configuración
dashboard-status = Estado
dashboard-public-page = Página pública
dashboard-public = pública
dashboard-published = se publica el { $date }
dashboard-not-public = no es pública mientras sea borrador
dashboard-deadline = Fecha límite
dashboard-list-public-from = Lista pública desde
dashboard-signers = Quién puede firmar
dashboard-approval = Aprobación
dashboard-approval-each = cada firma se aprueba antes de aparecer en la lista
dashboard-approval-none = las firmas confirmadas aparecen en la lista
dashboard-list-order = Orden de la lista
dashboard-signatures = Firmas
dashboard-all-signatures = Todas las firmas
dashboard-to-review = Por revisar
dashboard-invitations = Invitaciones
dashboard-export-csv = Exportar CSV
dashboard-export-xlsx = Exportar Excel (XLSX)
dashboard-digest = Envíame por correo las firmas nuevas
digest-none = nunca
digest-hourly = cada hora
digest-daily = cada día
dashboard-digest-save = Guardar
dashboard-listed = { $count } en la lista
# $status es una palabra de estado de la firma.
dashboard-count = { $status }: { $count }
dashboard-chart-caption = Firmas confirmadas por día, últimos 30 días
dashboard-share = Compartir
dashboard-public-link = Enlace público
dashboard-preview-link = Enlace de vista previa (privado: las organizaciones aliadas leen el borrador y comentan)
dashboard-replace-preview-link = Reemplazar el enlace de vista previa
dashboard-embed = Código para insertar
dashboard-comments = { $link } ({ $open } sin resolver)
dashboard-versions = Idiomas y versiones
dashboard-edit = Editar
dashboard-all-revisions = Todas las versiones y diferencias
translation-add = Agregar una traducción
translation-language-hint = es, fr, pt-BR…
translation-submit = Agregar traducción
translation-error-language = Escribe un código de idioma como es o fr.
translation-error-exists = Ya hay un texto en este idioma; edítalo en lugar de agregar otro.

## Configuración de la declaración

settings-title = Configuración de la declaración
settings-heading = Configuración
settings-address = Dirección
settings-address-hint-draft = La página pública es /s/ seguido de esto. Se puede cambiar mientras la declaración sea borrador.
settings-address-hint-open = Ya no se puede cambiar porque la declaración está abierta.
settings-language = Idioma principal
settings-language-hint = es, en, pt-BR…; no se puede cambiar una vez abierta.
settings-signers-organizations = Organizaciones
settings-signers-individuals = Personas
settings-signers-both = Ambas, en dos listas
settings-requires-approval = Una persona coordinadora aprueba cada firma confirmada antes de que aparezca en la lista
settings-list-order = Orden de la lista
settings-order-alphabetical = Alfabético
settings-order-country = Por país y luego por nombre
settings-order-time = Por hora de firma
settings-order-manual = Orden manual
settings-deadline = Fecha límite
settings-deadline-hint = La declaración se cierra sola en ese momento. Vacío: sin fecha límite.
settings-publish-at = Hora de publicación
settings-publish-at-hint = Antes de esa hora, solo el enlace de vista previa muestra la página. Vacío: pública en cuanto se abra.
settings-list-public-at = Mostrar la lista desde
settings-list-public-at-hint = Mantiene los nombres ocultos hasta entonces, por ejemplo hasta una conferencia de prensa.
settings-submit = Guardar configuración
settings-error-slug = Usa de 1 a 60 letras minúsculas sin acentos ni ñ, cifras y guiones sueltos, como agua-para-todas.
settings-error-signers = Elige quién puede firmar.
settings-error-list-order = Elige cómo se ordena la lista.
settings-error-slug-taken = Otra declaración usa esta dirección. Elige otra.
settings-error-slug-locked = La dirección no se puede cambiar una vez abierta la declaración: ya circulan enlaces a ella.
settings-error-language-locked = El idioma no se puede cambiar una vez abierta la declaración.

## Edición, versiones y diferencias

edit-title = Editar la declaración
edit-heading = Editar el texto ({ $language })
edit-next-revision = Al guardar se crea la versión { $number }. Las versiones anteriores se conservan.
edit-note = Qué cambió (una nota breve)
edit-kind = Tipo de cambio
edit-kind-editorial = Editorial: una errata o la redacción; el sentido y las firmas se mantienen
edit-kind-material = Sustancial: cambió el sentido; se pedirá a quienes ya firmaron que confirmen de nuevo
edit-pending = Tras un cambio sustancial, hasta que respondan quienes firmaron antes
edit-pending-stay = siguen en la lista, con una marca de la versión que firmaron
edit-pending-hide = salen de la lista hasta que confirmen el nuevo texto
edit-submit = Guardar versión
edit-error-kind = Indica si este cambio es editorial (las firmas siguen siendo válidas) o sustancial (cambió el sentido).
edit-error-conflict = Alguien guardó la versión { $current } mientras editabas, así que tu texto no se guardó. Sigue aquí abajo: abre las versiones en otra pestaña, compáralas y vuelve a guardar.
revision-note-first-draft = primer borrador
revision-number = Versión { $number }
revision-hash = SHA-256 del texto canónico
revisions-title = Versiones
revisions-heading = Versiones del texto ({ $language })
revisions-compare = Comparar la versión
revisions-with = con la versión
revisions-submit = Mostrar las diferencias
revisions-changes = cambios
diff-title = Diferencias
diff-all-revisions = Todas las versiones
diff-heading = Versión { $old } → { $new }
diff-summary =
    { $added ->
        [one] { $added } palabra agregada
       *[other] { $added } palabras agregadas
    }, { $removed ->
        [one] { $removed } eliminada
       *[other] { $removed } eliminadas
    }. Están marcados el { $added-text } y el { $removed-text }.
diff-added-text = texto agregado
diff-removed-text = texto eliminado
diff-title-heading = Título
diff-text-heading = Texto

## Comentarios de las organizaciones aliadas sobre un borrador

comments-title = Comentarios
comments-heading = Comentarios de las organizaciones aliadas
comments-intro = Llegan a través del enlace de vista previa. Nunca son públicos.
comments-none = Todavía no hay comentarios.
comments-byline = { $name }, { $organization } · sobre la versión { $number } ({ $language }) · { $date }
comments-resolved-by = Resuelto por { $name } el { $date }
comments-resolve = Marcar como resuelto

## Gráfica de firmas por día en el panel de la declaración

chart-empty = Todavía no hay firmas confirmadas en los últimos { $days } días.
chart-label =
    { $total ->
        [one] { $total } firma confirmada
       *[other] { $total } firmas confirmadas
    } en los últimos { $days } días; como máximo { $max } en un día
# Un día en el eje, como “22 nov”.
chart-day =
    { $day } { $month ->
        [1] ene
        [2] feb
        [3] mar
        [4] abr
        [5] may
        [6] jun
        [7] jul
        [8] ago
        [9] sep
        [10] oct
        [11] nov
       *[12] dic
    }
chart-max = máx. { $max }

## Firmas de una declaración

signature-status-pending-email = pendiente de confirmar
signature-status-confirmed = confirmada
signature-status-approved = aprobada
signature-status-rejected = rechazada
signature-status-withdrawn = retirada
signature-status-merged = fusionada
signatures-merged-into = fusionada con { $name }
signatures-title = Firmas
signatures-export-json = Exportar JSON
signatures-letter = Carta para imprimir
signatures-import = Importar una lista
signatures-state = Estado
signatures-all-states = todos los estados
signatures-flag = Marca
signatures-any-flag = cualquiera
signatures-duplicates = posibles duplicados
signatures-domain-matches = el dominio del correo coincide con el sitio web
signatures-search = Nombre o correo
signatures-sort = Ordenar
signatures-sort-newest = más recientes primero
signatures-sort-oldest = más antiguas primero
signatures-sort-list-order = orden de la lista
signatures-show = Mostrar
signatures-select = Seleccionar
signatures-select-one = Seleccionar { $name }
signatures-name = Nombre
signatures-country = País
signatures-email = Correo
signatures-signed = Fecha de firma
signatures-revision = Versión
signatures-flags = Marcas
signatures-entered = original: { $name }
signatures-listed = en la lista
signatures-flag-duplicate = posible duplicado
signatures-flag-duplicate-title = Misma organización por nombre y país, o mismo sitio web
signatures-flag-domain = dominio coincidente
signatures-flag-domain-title = El correo electrónico es del dominio del sitio web
signatures-flag-imported = agregada por una persona coordinadora
signatures-flag-invited = invitada
signatures-flag-reconsent = se pidió reconfirmar
signatures-flag-not-authorized = sin autorización
signatures-none = Ninguna firma coincide.
signatures-with-selected = Con las firmas seleccionadas
signatures-select-all = Todas las firmas de este filtro, en todas las páginas (las que se pueden aprobar o rechazar)
signatures-done-approved = { $count ->
    [one] Se aprobó una firma.
   *[other] Se aprobaron { $count } firmas.
}
signatures-done-rejected = { $count ->
    [one] Se rechazó una firma.
   *[other] Se rechazaron { $count } firmas.
}
signatures-done-deleted = { $count ->
    [one] Se eliminó una firma.
   *[other] Se eliminaron { $count } firmas.
}
signatures-delete = Eliminar…
signatures-delete-title = Eliminar firmas
signatures-delete-question = { $count ->
    [0] No hay ninguna firma seleccionada, así que no hay nada que eliminar.
    [one] Se eliminará para siempre una firma, junto con las firmas fusionadas con ella. No se puede deshacer; una organización que deba seguir en la lista tendría que volver a firmar.
   *[other] Se eliminarán para siempre { $count } firmas, junto con las firmas fusionadas con ellas. No se puede deshacer; las organizaciones que deban seguir en la lista tendrían que volver a firmar.
}
signatures-delete-confirm = { $count ->
    [one] Eliminar una firma
   *[other] Eliminar { $count } firmas
}
signatures-delete-cancel = Conservarlas
signatures-done-imported = { $count ->
    [one] Se importó una firma.
   *[other] Se importaron { $count } firmas.
}
signatures-notify = Avisar por correo a cada firmante
signatures-approve = Aprobar
signatures-reject = Rechazar
signatures-next-page = Siguiente página
signatures-error-decision = Elige aprobar, rechazar o eliminar.
signatures-error-none-selected = Selecciona al menos una firma y luego elige aprobar, rechazar o eliminar.
signatures-error-not-confirmed = Solo se pueden aprobar o rechazar firmas confirmadas; las que esperan la confirmación por correo, no.

## Una firma

signature-how = Cómo llegó
# $state es una palabra de estado de la firma.
signature-state-listed = { $state }, en la lista
signature-state-not-listed = { $state }, fuera de la lista
signature-source = Origen
signature-source-form = el formulario público
signature-source-invitation = una invitación personal
signature-source-import = agregada por una persona coordinadora (importación)
signature-confirmed = Dirección confirmada
signature-text-signed = Texto firmado
signature-revision = versión { $number }
signature-reconsent = se le pidió confirmar la { $revision }
signature-authorized = Autorización para firmar por la organización
signature-authorized-yes = sí, según quien firma
signature-authorized-no = no lo indicó
signatures-domain-matches-heading = El dominio del correo coincide con el sitio web
signature-yes = sí
signature-no = no
signature-approved = Aprobada
signature-approved-by = { $name }, { $date }
signature-withdrawn = Retirada
signature-merged = Fusionada
signature-merged-into = con { $link }
signature-merged-other = otra firma
signature-as-entered = Datos tal como se escribieron
signature-website = Sitio web
signature-signer = Firmante
signature-affiliation = Afiliación
signature-city = Ciudad
signature-email-changing = (cambiará a { $email }, aún sin confirmar)
signature-comment = Comentario para las personas coordinadoras
signature-display-name = Nombre mostrado
signature-display-name-label = Aparece en la lista como
signature-display-name-hint = Corrige mayúsculas u ortografía; se conserva lo que escribió quien firma. Vacío: se muestra tal como lo escribió.
signature-display-name-submit = Guardar nombre mostrado
signature-position-heading = Lugar en el orden manual
signature-position = Posición (0 es la primera; vacío: al final)
signature-position-submit = Guardar posición
signature-duplicates = Posibles duplicados
signature-merge = Fusionar estas dos
signature-merge-note = Al fusionar se conserva la firma más antigua y su hora, y la dirección de quien confirmó; la más reciente queda en los registros como fusionada con ella.
signature-error-display-name = El nombre mostrado debe ser una sola línea de 200 caracteres como máximo.
signature-error-position = La posición es un número entero desde 0, o vacío para ponerla al final.
signature-error-merge = Elige otra firma de esta declaración para fusionarla.

## Importar firmas desde una hoja de cálculo

import-title = Importar firmas
import-intro = Sube la hoja de cálculo de tus firmantes (Excel XLSX, OpenDocument ODS o CSV), o pega la lista tal como está en tu documento: las líneas de “Firmado por”, una organización por línea, con o sin el país después de una coma (“Red Jesuita con Migrantes, Guatemala”). Una coma que no va seguida de un país se queda en el nombre. Las celdas copiadas de una hoja de cálculo se leen como organización y luego país; una línea de encabezado se reconoce por sus nombres en español o en inglés: organización/organization, país/country (código o nombre), sitio web/website, correo/email, contacto/contact, cargo/title. La vista previa muestra qué pasará con cada fila y te deja elegir qué contiene cada columna antes de que cambie nada.
import-csv = La lista
import-mode = Cómo incorporar las filas
import-mode-list = Ponerlas en la lista de inmediato, marcadas como “agregada por una persona coordinadora” (tu importación las aprueba)
import-mode-confirm = Enviar a cada una un correo de confirmación; aparecen en la lista una vez confirmadas
import-preview-file = Vista previa del archivo
import-preview-paste = Vista previa de la lista
import-preview-title = Vista previa de la importación
import-preview-heading = Vista previa de la importación
import-preview-summary = Filas que se importarán: { $good }. Filas con algún problema, que se dejarán fuera: { $bad }. Todavía no ha cambiado nada.
import-columns = Columnas
import-layout-lines = Cada línea es una organización; el país después de la última coma se separa.
import-layout-cells = Celdas copiadas de una hoja de cálculo: la primera columna es la organización y la segunda, su país.
import-column-organization = Organización
import-column-country = País
import-column-website = Sitio web
import-column-email = Correo
import-column-contact = Contacto
import-column-title = Cargo
import-submit =
    { $count ->
        [one] Importar { $count } fila
       *[other] Importar { $count } filas
    }
import-line = Línea
import-verdict = Resultado
import-file-heading = Subir un archivo
import-file = Archivo (XLSX, ODS o CSV)
import-paste-heading = O pega la lista
import-column = Columna
import-column-number = Columna { $number }
import-column-ignore = (dejar fuera)
import-examples = Primeros valores
import-field = Se importa como
import-field-of = Se importa como, para la columna { $column }
import-remap = Actualizar la vista previa
import-column-missing = Ninguna columna está asignada a { $field }. Elige la columna que lo contiene.
import-column-twice = Hay dos columnas asignadas a { $field }. Elige “(dejar fuera)” en una de ellas.
import-verdict-create = se importará
import-verdict-update = actualizará el contacto con esta dirección
import-verdict-merged = se une a la línea { $line }, que tiene la misma dirección
import-verdict-rejected = rechazada: { $why }
import-report = Fila por fila
import-all = Todas ({ $count })
import-created = Por importar ({ $count })
import-updated = Actualizadas ({ $count })
import-merged = Unidas ({ $count })
import-rejected = Rechazadas ({ $count })
import-merged-summary = { $count ->
    [one] Una fila tiene la dirección de una fila anterior: sus celdas completan las vacías de esa fila.
   *[other] { $count } filas tienen la dirección de una fila anterior: sus celdas completan las vacías de esa fila.
}
import-pages = Páginas del informe
import-previous-page = Filas anteriores
import-next-page = Filas siguientes
import-again = Importar otra lista
import-no-plan = El formulario de importación está incompleto. Vuelve a abrir la vista previa e importa desde ahí.
import-failed = La importación falló y no se cambió nada. Ya quedó registrado; vuelve a intentarlo en un momento.
import-running = Filas guardadas
import-rows-done = { $done } de { $total } filas guardadas.
import-refresh = Actualiza la página para ver el avance
import-dry-run = Simulación: no se cambió nada.
import-terminal-line = línea { $line }
import-back = Volver a las firmas
import-progress-title = Importando firmas
import-terminal-summary = Filas que se importarán: { $good }. Filas con algún problema, que se dejarán fuera: { $bad }.

## Invitaciones a firmar una declaración

invitation-state-invited = invitada
invitation-state-opened = abrió el formulario
invitation-state-signed = firmó
invitation-state-declined = declinó
invitations-title = Invitaciones a firmar
# $state es una palabra de estado de la invitación.
invitations-count = { $state }: { $count }
invitations-invite = Invitar organizaciones
invitations-list = Una organización por línea
invitations-list-hint = correo, organización, código de país (opcional), nombre de contacto (opcional), o bien un CSV con línea de encabezado. Se omiten las direcciones que pidieron no recibir correos.
invitations-send = Enviar invitaciones
invitations-earlier = Firmantes de tus declaraciones anteriores
invitations-choose = Elige a quién invitar
invitations-earlier-one = { $organization } — { $email }
invitations-invite-chosen = Invitar a las seleccionadas
invitations-remind = Enviar un recordatorio a quienes no han respondido
invitations-sent = Invitaciones enviadas
invitations-organization = Organización
invitations-email = Correo
invitations-state = Estado
invitations-invited = Invitación
invitations-reminded = Recordatorio
invitations-report =
    { $invited ->
        [one] Se envió { $invited } invitación.
       *[other] Se enviaron { $invited } invitaciones.
    } { $suppressed ->
        [one] Se omitió { $suppressed } dirección porque pidió no recibir correos;
       *[other] Se omitieron { $suppressed } direcciones porque pidieron no recibir correos;
    } { $already ->
        [one] { $already } ya estaba invitada o ya firmó.
       *[other] { $already } ya estaban invitadas o ya firmaron.
    }
invitations-no-usable-line = No se pudo usar ninguna línea. Escribe una organización por línea: correo, organización, código de país, nombre de contacto.
invitations-reminders-sent =
    { $count ->
        [one] Se envió { $count } recordatorio. Cada invitación recibe como máximo un recordatorio.
       *[other] Se enviaron { $count } recordatorios. Cada invitación recibe como máximo un recordatorio.
    }

## Darse de baja de los envíos de una coalición

unsubscribe-title = Darse de baja
unsubscribe-heading = ¿Dejar de recibir estos mensajes?
unsubscribe-body = La dirección { $email } ya no recibirá invitaciones ni comunicados de esta coalición.
unsubscribe-submit = Darme de baja
unsubscribed-title = Baja confirmada
unsubscribed-heading = Te diste de baja
unsubscribed-body = Esta coalición no volverá a escribir a { $email }.

## Comunicados de prensa

nav-press = Prensa
press-title = Comunicados de prensa
press-new = Nuevo comunicado de prensa
press-none = Todavía no hay comunicados de prensa.
press-language = Idioma del comunicado
press-unknown-language = Elige un idioma de la lista.
press-headline = Título
press-subheadline = Subtítulo
press-dateline = Lugar
press-dateline-hint = La ciudad desde donde se emite el comunicado, como “Ciudad de México”.
press-release-date = Fecha del comunicado
press-body = Texto del comunicado
# $count y $link son marcadores que una persona coordinadora puede escribir.
press-body-hint = Markdown: **negritas**, > citas, [enlaces](https://…). { $count } inserta el número actualizado de firmantes de la declaración vinculada, y { $link }, su dirección pública.
press-contacts = Contactos de prensa
press-contacts-hint = Uno por línea: Nombre | teléfono | correo (el teléfono es opcional).
# $line es un número de línea.
press-contacts-bad-line = La línea { $line } debe tener la forma Nombre | teléfono | correo, con un correo electrónico válido.
press-about = Acerca de
press-about-hint = El texto institucional de la coalición, que aparece al final del comunicado.
press-save-about = Conservar este texto “Acerca de” para los próximos comunicados de la coalición
# $coalition es el nombre de la coalición.
press-media-contacts = Contactos de prensa
press-send-repeated = { $count ->
    [one] Una persona de esta audiencia ya recibió este comunicado: si lo envías ahora, lo recibirá de nuevo.
   *[other] { $count } personas de esta audiencia ya recibieron este comunicado: si lo envías ahora, lo recibirán de nuevo.
}
press-about-heading = Acerca de { $coalition }
press-statement = Declaración vinculada
press-no-statement = Ninguna declaración
press-unknown-statement = Elige una de las declaraciones de esta coalición.
press-embargo = Embargo
press-embargo-hint = Deja la hora vacía si el comunicado se puede difundir de inmediato. Los correos enviados antes del embargo lo marcan como embargado hasta esta hora, en el idioma del comunicado; la versión web aparece cuando se levanta.
press-embargo-time = Embargo hasta (hora local)
press-embargo-zone-hint = La hora del embargo está en esta zona, y los correos la mencionan junto con la hora.
press-no-embargo = Difusión inmediata
# $time es la hora del embargo con su zona horaria.
press-embargoed-until = EMBARGADO HASTA el { $time }
press-embargo-lifted = El embargo se levantó el { $time }.
press-note = Qué cambió (opcional)
press-save = Guardar
press-form-title = Comunicado de prensa
press-required = Completa este campo.
press-edit = Editar
press-saved = Guardado.
press-back = Volver al comunicado
press-preview-mail = Vista previa del correo
press-mail-subject = Asunto:
press-mail-html = Parte HTML
press-mail-text = Parte de texto sin formato
press-test-send = Enviarme una prueba
press-test-sent = Se envió una prueba a tu propia dirección, marcada como prueba en el asunto.
press-send = Enviar o programar
# $headline es el título del comunicado.
press-send-title = Enviar “{ $headline }”
press-publish = Publicar la versión web sin enviar correos
press-published = La versión web está publicada (al levantarse el embargo, si lo hay).
press-web-version = Versión web
press-web-public = Versión web pública
press-web-at-embargo = La versión web será pública cuando se levante el embargo
press-web-not-yet = Versión web sin publicar
press-web-preview = Vista previa de la versión web
press-revisions = Versiones
# $number es un número de versión.
press-revision = Versión { $number }

## Destinatarios y envíos

audience-lists = Listas guardadas
audience-no-lists = Todavía no hay listas guardadas; créalas en la página de contactos.
audience-tags = Contactos con cualquiera de estas etiquetas
audience-no-tags = Todavía no hay contactos con etiquetas.
audience-signatories = Firmantes con firma confirmada en una declaración
audience-no-signatories = Ninguna
audience-count = Contar direcciones
# $count es un número de direcciones.
audience-reach =
    { $count ->
        [one] { $count } dirección lo recibirá.
       *[other] { $count } direcciones lo recibirán.
    }
# $count es un número de direcciones.
audience-suppressed =
    { $count ->
        [one] Se omite { $count } porque se dio de baja, rebotó, no se debe contactar o no es una dirección válida.
       *[other] Se omiten { $count } porque se dieron de baja, rebotaron, no se deben contactar o no son direcciones válidas.
    }
audience-skipped-by-reason = Por motivo: { $reasons }.
mailings-title = Envíos
mailings-none = Todavía no se ha enviado nada.
mailing-subject = Asunto
mailing-status = Estado
mailing-recipients = Direcciones
mailing-when = Cuándo
mailing-when-now = Enviar ahora
# $time es la hora del embargo con su zona horaria.
mailing-when-embargo = Cuando se levante el embargo ({ $time })
mailing-when-at = A una hora determinada
mailing-send-at = Enviar el
mailing-send-at-hint = Hora local en la zona horaria de abajo.
mailing-confirm-send = Enviar
mailing-no-embargo = Este comunicado no tiene embargo; elige “Enviar ahora” o una hora.
mailing-no-audience = Elige al menos una lista, una etiqueta o una declaración.
mailing-suppressed = Omitidas (excluidas)
mailing-pause = Pausar
mailing-resume = Reanudar
mailing-cancel = Cancelar el resto
mailing-log = Registro de entregas
mailing-log-csv = Descargar el registro (CSV)
mailing-log-xlsx = Descargar el registro (Excel, XLSX)
mailing-log-empty = Todavía no se ha generado ningún correo para este envío.
mailing-log-next = Siguiente página
mailing-email = Correo
mailing-name = Nombre
mailing-state = Estado
mailing-attempts = Intentos
mailing-reply = Respuesta del servidor
mailing-status-scheduled = Programado
mailing-status-sending = Enviando
mailing-status-paused = En pausa
mailing-status-cancelled = Cancelado
mailing-status-sent = Enviado
delivery-queued = En cola
delivery-deferred = Aplazado (se reintentará)
delivery-sent = Enviado
delivery-bounced = Rebotado (dirección excluida)
delivery-failed = Fallido
delivery-paused = En pausa
delivery-cancelled = Cancelado
# $title es el título de la declaración.
update-title = Escribir a firmantes de “{ $title }”
update-body = Mensaje
update-body-hint = Markdown. Cada firmante lo recibe con su nombre y un enlace para darse de baja.
update-send = Escribir a firmantes
# $number es el número de la versión anterior.
press-changes-since = Cambios desde la versión { $number }

## Contactos de prensa

nav-contacts = Contactos
contact-field-email = Correo
contact-field-name = Nombre
contact-field-phone = Teléfono
contact-field-outlet = Medio
contact-field-role = Cargo o fuente
contact-field-country = País
contact-field-language = Idioma
contact-field-tags = Etiquetas
contact-field-notes = Notas
contact-field-do_not_contact = No contactar
contact-error-missing = Completa el campo { $field }.
contact-error-too-long = El campo { $field } es demasiado largo; usa como máximo { $max } caracteres.
contact-error-control = El campo { $field } contiene caracteres que no se pueden mostrar; vuelve a escribirlo.
contact-error-email = “{ $value }” no es un correo electrónico; escribe uno como nombre@ejemplo.org.
contact-error-country = “{ $value }” no es un país; usa un código como MX o un nombre como México.
contact-error-language = “{ $value }” no es un idioma; usa un código como es, en o es-MX.
contact-error-yes-no = “{ $value }” no es ni sí ni no.
contact-error-tags = Usa como máximo { $max } etiquetas.
contacts-history-heading = Envíos recibidos
contacts-history-none = Ningún envío ha llegado aún a esta dirección.
contacts-history-subject = Asunto
contacts-history-state = Entrega
contacts-history-when = Cuándo
contacts-suppressed-since = No se le escribe desde el { $time }: { $reason }.
contacts-reason-unsubscribed = se dio de baja
contacts-reason-bounced = rebotó
contacts-reason-do-not-contact = no contactar
contacts-suppressed = excluido ({ $reason })
contacts-title = Contactos
contacts-new = Nuevo contacto
contacts-new-title = Nuevo contacto
contacts-import = Importar
contacts-export = Exportar CSV
contacts-export-xlsx = Exportar Excel (XLSX)
contacts-lists = Listas guardadas
contacts-back = Volver a los contactos
contacts-search = Buscar por nombre, correo o medio
contacts-any = Cualquiera
contacts-filter = Buscar
contacts-count = { $count ->
    [one] Un contacto
   *[other] { $count } contactos
}
contacts-none = Todavía no hay contactos. Agrega uno o importa la lista que llevas en una hoja de cálculo.
contacts-none-found = Ningún contacto coincide. Prueba con menos palabras o filtros.
contacts-select = Seleccionar
contacts-select-one = Seleccionar { $name }
contacts-status = Estado
contacts-pages = Páginas
contacts-first-page = Primera página
contacts-next-page = Siguiente página
contacts-previous-page = Página anterior
contacts-add-to-list = Agregar los contactos seleccionados a una lista
contacts-existing-list = Lista
contacts-new-list-option = Una lista nueva, con el nombre de abajo
contacts-new-list-name = Nombre de la lista nueva
contacts-add-selected = Agregar los seleccionados a la lista
contacts-none-selected = Selecciona al menos un contacto y vuelve a intentarlo.
contacts-choose-list = Elige una lista o escribe el nombre de una nueva, y vuelve a intentarlo.
contacts-no-country = Sin país
contacts-language-hint = Un código como es, en o pt-BR.
contacts-tags-hint = Separadas por comas, como: clima, prensa nacional.
contacts-do-not-contact-box = No contactar: nunca incluir a esta persona en un envío
contacts-save = Guardar contacto
contacts-saved = El contacto se guardó.
contacts-error-email-taken = Otro contacto ya tiene esta dirección. Búscalo y edita ese.
contacts-delete-heading = Eliminar este contacto
contacts-delete-hint = Se eliminan el contacto, sus etiquetas y su lugar en las listas. Si su dirección está excluida, sigue excluida.
contacts-delete = Eliminar contacto
contacts-list-name = Nombre
contacts-list-kind = Selección
contacts-list-members = Contactos
contacts-list-hand-picked = Elegidos a mano
contacts-list-tags = Contactos etiquetados: { $tags }
contacts-lists-none = Todavía no hay listas guardadas.
contacts-list-create = Guardar una lista
contacts-list-by-tags-label = Etiquetas
contacts-list-tags-hint = Contactos con cualquiera de estas etiquetas, separadas por comas. Déjalo vacío para elegir contactos a mano en la página de contactos.
contacts-tags-in-use = Etiquetas en uso:
contacts-list-create-submit = Guardar lista
contacts-list-name-taken = Ya hay otra lista con este nombre; elige otro.
contacts-list-by-tags = Esta lista selecciona contactos por sus etiquetas; para cambiarla, cambia las etiquetas de los contactos.
contacts-list-empty-hand = Todavía no hay nadie en esta lista. Selecciona contactos en la página de contactos y agrégalos.
contacts-list-empty-tags = Todavía ningún contacto tiene estas etiquetas.
contacts-list-remove-selected = Quitar de la lista los seleccionados
contacts-list-delete-heading = Eliminar esta lista
contacts-list-delete = Eliminar lista
contacts-import-title = Importar contactos
contacts-import-intro = Sube la lista que llevas en una hoja de cálculo, como archivo de Excel (XLSX) u OpenDocument (ODS) o como CSV (separado por comas, punto y coma o tabuladores), con una línea de encabezado. Las columnas se reconocen por su nombre en español o en inglés: correo/email, nombre/name, teléfono/phone, medio/outlet, cargo/fuente/role/beat, país/country, idioma/language, etiquetas/tags, notas/notes, no contactar/do not contact. Verás qué pasará con cada fila antes de que cambie nada. Si la dirección de un contacto ya existe, el contacto se actualiza: las celdas con datos reemplazan lo guardado y las etiquetas se suman; las celdas vacías no cambian nada.
contacts-import-paste = La lista, en CSV con línea de encabezado
import-file-empty = El archivo está vacío. Elige el archivo de tu lista (CSV, XLSX u ODS), o pégala.
import-file-too-large = El archivo pesa más de { $megabytes } MB. Divídelo en varios archivos.
import-file-too-many-rows = El archivo tiene más de { $max } filas. Divídelo en varios archivos.
import-file-workbook = No se puede abrir el libro de cálculo. Vuelve a guardarlo como XLSX, ODS o CSV y súbelo de nuevo.
import-file-unreadable = No se puede leer la línea { $line }. Revisa sus comillas y vuelve a subir el archivo.
contacts-import-preview-title = Vista previa de la importación
contacts-import-summary =
    { $created ->
        [one] Se creará { $created } contacto,
       *[other] Se crearán { $created } contactos,
    } { $updated ->
        [one] se actualizará { $updated }
       *[other] se actualizarán { $updated }
    } y { $rejected ->
        [one] se rechazará { $rejected } fila.
       *[other] se rechazarán { $rejected } filas.
    } Todavía no ha cambiado nada.
contacts-import-apply =
    { $count ->
        [one] Importar { $count } contacto
       *[other] Importar { $count } contactos
    }
import-stale = Lo guardado cambió desde la vista previa, así que no se importó nada. Vuelve a abrir la vista previa para ver el nuevo plan.
contacts-import-progress-title = Importando contactos
contacts-import-done =
    La importación terminó: { $created ->
        [one] { $created } contacto creado,
       *[other] { $created } contactos creados,
    } { $updated ->
        [one] { $updated } actualizado
       *[other] { $updated } actualizados
    } y { $rejected ->
        [one] { $rejected } fila rechazada.
       *[other] { $rejected } filas rechazadas.
    }

## Horas locales y configuración de la coalición

nav-settings = Configuración de la coalición
time-zone = Zona horaria
time-zone-hint = Las horas de este formulario están en esta zona. Empieza a escribir una ciudad, como Mexico_City o Guatemala.
time-error-format = Escribe la fecha y la hora como 2026-11-24 09:00.
time-error-zone = Elige una zona horaria de la lista, como America/Mexico_City o America/Guatemala.
time-error-skipped = Esa hora no existe en esta zona horaria: ese día los relojes se la saltan. Elige otra hora.
time-error-ambiguous = Esa hora ocurre dos veces en esta zona horaria: ese día los relojes se atrasan. Elige una hora fuera de la hora repetida.
coalition-settings-title = Configuración de la coalición
coalition-settings-heading = Configuración de { $coalition }
coalition-settings-intro = El idioma y la zona horaria en que trabaja tu coalición.
coalition-settings-saved = Se guardó la configuración.
coalition-settings-submit = Guardar configuración
coalition-language = Idioma
coalition-language-hint = Los nuevos comunicados de prensa se escriben en este idioma; puedes cambiarlo en cada comunicado.
coalition-language-error = Elige uno de los idiomas de la lista.
coalition-zone = Zona horaria
coalition-zone-hint = Todas las horas de las páginas de la coalición se muestran en esta zona, y los formularios empiezan en ella. Empieza a escribir una ciudad, como Mexico_City o Guatemala.
coalition-zone-new-hint = Las horas se escriben y se muestran en esta zona; puedes cambiarla después en la configuración de la coalición. Empieza a escribir una ciudad, como Mexico_City.
coalition-zone-notice = Las horas se muestran en { $zone }.
coalition-zone-notice-owner = Las horas se muestran en { $zone }. { $link }
coalition-zone-change = Cambiar el idioma y la zona horaria de la coalición

## La audiencia de un envío y su registro de entregas

mailing-audience = Audiencia
# $lists son los nombres de listas guardadas, separados por comas.
mailing-audience-lists = Listas: { $lists }
# $tags son etiquetas de contactos, separadas por comas.
mailing-audience-tags = Etiquetas: { $tags }
mailing-audience-signatories = Firmantes de “{ $title }”
mailing-audience-deleted-list = (lista eliminada)
mailing-audience-deleted-statement = (declaración eliminada)
mailing-sent-at = Enviado el

## Cómo se presenta la coalición: su correo y sus páginas públicas
coalition-settings-locale = Idioma y zona horaria
face-heading = Cómo se presenta tu coalición
face-intro = El nombre y la dirección de respuesta del correo que envía tu coalición, un pie bajo sus comunicados y actualizaciones, y el sitio web al que enlazan sus páginas públicas. El correo sigue saliendo de la dirección propia de este servidor, la que avalan los registros SPF y DKIM de su dominio, para que no se tome por una falsificación; tu nombre aparece junto a ella y las respuestas llegan a tu dirección.
face-sender-name = Nombre del remitente
face-sender-name-hint = El nombre que periodistas y firmantes ven como remitente. Vacío: { $coalition }.
face-reply-to = Las respuestas van a
face-reply-to-hint = Una dirección que tu coalición lea, como la de tu responsable de prensa. Vacío: las respuestas a un comunicado van a su primer contacto de prensa.
face-reply-to-error = Escribe una dirección de correo como prensa@example.org, o deja el campo vacío.
face-footer = Pie de tu correo
face-footer-hint = Unas líneas bajo cada comunicado y actualización, como tu dirección y tu sitio web. Como máximo 600 caracteres.
face-website = Sitio web
face-website-hint = El sitio web propio de tu coalición, enlazado desde sus páginas públicas.
face-website-error = Escribe una dirección web como https://example.org, o deja el campo vacío.
face-submit = Guardar
face-saved = Guardado: tu correo y tus páginas públicas presentan ahora así a tu coalición.
logo-heading = Logotipo
logo-alt = Logotipo de { $coalition }
logo-file = Archivo del logotipo
logo-hint = PNG, JPEG, GIF o WebP, de { $kb } KB como máximo. Se muestra pequeño arriba en tus páginas públicas.
logo-submit = Subir logotipo
logo-remove = Quitar el logotipo
logo-saved = El logotipo está guardado y se muestra en tus páginas públicas.
logo-removed = Se quitó el logotipo.
logo-error-empty = Elige un archivo de imagen para subir.
logo-error-too-large = Este archivo pesa más de { $kb } KB. Guarda el logotipo más pequeño (a un logotipo le bastan 600 píxeles de ancho) y vuelve a subirlo.
logo-error-format = Este archivo no es una imagen PNG, JPEG, GIF o WebP. Guarda el logotipo en uno de estos formatos y vuelve a subirlo.
press-reply-to = Las respuestas van a
press-reply-to-hint-coalition = Vacío: las respuestas van a la dirección de tu coalición, { $email }.
press-reply-to-hint-contact = Vacío: las respuestas van al primer contacto de prensa.
press-warning-no-statement = Este comunicado usa { $count } o { $link } pero no enlaza ninguna declaración, así que no muestran nada. Elige la declaración en «Editar» o quítalos del texto.
press-warning-zero-signatories = { $count } muestra 0 hoy: «{ $title }» aún no tiene firmas publicadas. El correo dirá 0 salvo que se publiquen firmas antes de enviarlo.
audience-skipped-invalid = dirección no válida
# $count is how many of the chosen recipients already received this release.
press-send-again = { $count ->
    [one] Enviarlo de nuevo a la persona que ya lo recibió
   *[other] Enviarlo de nuevo a las { $count } personas que ya lo recibieron
}
press-send-again-required = { $count ->
    [one] Una de estas personas ya recibió este comunicado. Marca «Enviarlo de nuevo» para mandárselo otra vez, o elige otra audiencia.
   *[other] { $count } de estas personas ya recibieron este comunicado. Marca «Enviarlo de nuevo» para mandárselo otra vez, o elige otra audiencia.
}
error-page-unavailable = La base de datos no responde en este momento. Inténtalo de nuevo en un minuto; si estabas enviando un formulario, envíalo otra vez.
# $count is how many mails of a finished mailing were not delivered.
mailing-sent-with-failures = { $count ->
    [one] Enviado, pero un correo no se entregó:
   *[other] Enviado, pero { $count } correos no se entregaron:
}
mailing-failures-bounced = { $count ->
    [one] 1 rechazado definitivamente por el servidor de destino (su dirección quedó suprimida)
   *[other] { $count } rechazados definitivamente por el servidor de destino (sus direcciones quedaron suprimidas)
}
mailing-failures-given-up = { $count ->
    [one] 1 abandonado porque el servidor lo siguió aplazando
   *[other] { $count } abandonados porque el servidor los siguió aplazando
}
mailing-retry-hint = Cuando se haya resuelto la causa, los correos abandonados pueden enviarse de nuevo, una vez cada uno. Las direcciones rechazadas quedan fuera.
mailing-retry-failed = Enviar de nuevo los correos abandonados
