<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Learn about chronic pain and your treatment options</source>
        <translation>Conozca más sobre el dolor crónico y sus opciones de tratamiento</translation>
    </message>
    <message>
        <source>Start: learn about chronic pain and your treatment options</source>
        <translation>Empezar: conozca más sobre el dolor crónico y sus opciones de tratamiento</translation>
    </message>
    <message>
        <source>Tap anywhere to start</source>
        <translation>Toque en cualquier lugar para empezar</translation>
    </message>
    <message>
        <source>Play</source>
        <extracomment>Button: start the changing topic highlights again</extracomment>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Button: stop the topic highlights from changing</extracomment>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Play the highlights</source>
        <translation>Continuar con los temas destacados</translation>
    </message>
    <message>
        <source>Pause the highlights</source>
        <translation>Pausar los temas destacados</translation>
    </message>
</context>
<context>
    <name>ClinicCard</name>
    <message>
        <source>Scan to save our phone number</source>
        <translation>Escanee para guardar nuestro teléfono</translation>
    </message>
    <message>
        <source>QR code: saves %1&apos;s address and phone numbers to your phone</source>
        <extracomment>%1 is the clinic&apos;s name</extracomment>
        <translation>Código QR: guarda la dirección y los teléfonos de %1 en su celular</translation>
    </message>
</context>
<context>
    <name>ConfirmDone</name>
    <message>
        <source>Clear everything you typed?</source>
        <translation>¿Borrar todo lo que escribió?</translation>
    </message>
    <message>
        <source>Your request has not been sent. If you clear it, the words you typed are gone.</source>
        <translation>Su solicitud no se ha enviado. Si la borra, se perderá lo que escribió.</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>No, conservarla</translation>
    </message>
    <message>
        <source>Yes, clear it</source>
        <translation>Sí, borrarla</translation>
    </message>
</context>
<context>
    <name>ContactDetails</name>
    <message>
        <source>Contact us</source>
        <extracomment>Title of the Contact screen, when the clinic&apos;s content gives it none</extracomment>
        <translation>Contáctenos</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>%1 or %2</source>
        <extracomment>Between two phone numbers: call us at %1 or %2</extracomment>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <source>Ask us to contact you</source>
        <translation>Pida que nos comuniquemos con usted</translation>
    </message>
    <message>
        <source>Leave your name and a phone number or email. The clinic will contact you.</source>
        <translation>Deje su nombre y un teléfono o correo electrónico. La clínica se comunicará con usted.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Email (if you prefer)</source>
        <translation>Correo electrónico (si lo prefiere)</translation>
    </message>
    <message>
        <source>How should we reach you?</source>
        <translation>¿Cómo prefiere que nos comuniquemos?</translation>
    </message>
    <message>
        <source>Best time to reach you</source>
        <translation>Mejor hora para comunicarnos con usted</translation>
    </message>
    <message>
        <source>What would you like to talk about? (optional)</source>
        <translation>¿De qué le gustaría hablar? (opcional)</translation>
    </message>
    <message>
        <source>Yes, the clinic may contact me about this request.</source>
        <translation>Sí, la clínica puede comunicarse conmigo sobre esta solicitud.</translation>
    </message>
    <message>
        <source>Only the clinic can read what you send: it is locked (encrypted) as soon as you tap Send. The clinic uses it only to answer you. This screen forgets it when you are done.</source>
        <translation>Solo la clínica puede leer lo que envíe: queda protegido (cifrado) en cuanto toca Enviar mi solicitud. La clínica lo usa solo para responderle. Esta pantalla lo borra cuando usted termine.</translation>
    </message>
    <message>
        <source>We could not save your request. Please tell the front desk, or call us at %1.</source>
        <extracomment>%1 is the clinic&apos;s phone numbers, e.g. &quot;555-0100 or 555-0101&quot;</extracomment>
        <translation>No pudimos guardar su solicitud. Avise en la recepción o llámenos al %1.</translation>
    </message>
    <message>
        <source>Send my request</source>
        <translation>Enviar mi solicitud</translation>
    </message>
</context>
<context>
    <name>ContactRequest</name>
    <message>
        <source>Call me</source>
        <translation>Llámeme</translation>
    </message>
    <message>
        <source>Text me</source>
        <translation>Envíeme un texto</translation>
    </message>
    <message>
        <source>Email me</source>
        <translation>Envíeme un correo</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Por la mañana</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Por la tarde</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Por la noche</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>A cualquier hora</translation>
    </message>
    <message>
        <source>We will call you within one business day.</source>
        <translation>Le llamaremos en un plazo de un día hábil.</translation>
    </message>
    <message>
        <source>We will text you within one business day.</source>
        <translation>Le enviaremos un mensaje de texto en un plazo de un día hábil.</translation>
    </message>
    <message>
        <source>We will email you within one business day.</source>
        <translation>Le enviaremos un correo electrónico en un plazo de un día hábil.</translation>
    </message>
    <message>
        <source>We will contact you within one business day.</source>
        <translation>Nos comunicaremos con usted en un plazo de un día hábil.</translation>
    </message>
    <message>
        <source>{first}, {next}</source>
        <translation>{first}, {next}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} o {last}</translation>
    </message>
    <message>
        <source>If you need us sooner, call {numbers}.</source>
        <translation>Si nos necesita antes, llame al {numbers}.</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Por favor, escriba su nombre.</translation>
    </message>
    <message>
        <source>Please shorten your name to {count} letters or fewer.</source>
        <translation>Por favor, acorte su nombre a {count} letras o menos.</translation>
    </message>
    <message>
        <source>Please enter a phone number or an email address.</source>
        <translation>Por favor, escriba un número de teléfono o un correo electrónico.</translation>
    </message>
    <message>
        <source>Please enter a 10-digit US phone number, like 518-555-0100.</source>
        <translation>Por favor, escriba un número de teléfono de EE. UU. de 10 dígitos, como 518-555-0100.</translation>
    </message>
    <message>
        <source>Please check your email address, like name@example.com.</source>
        <translation>Por favor, revise su correo electrónico. Debe verse así: nombre@ejemplo.com.</translation>
    </message>
    <message>
        <source>Please choose call, text or email.</source>
        <translation>Por favor, elija llamada, mensaje de texto o correo electrónico.</translation>
    </message>
    <message>
        <source>Please enter a phone number so we can call you.</source>
        <translation>Por favor, escriba un número de teléfono para que podamos llamarle.</translation>
    </message>
    <message>
        <source>Please enter a phone number so we can text you.</source>
        <translation>Por favor, escriba un número de teléfono para que podamos enviarle un mensaje de texto.</translation>
    </message>
    <message>
        <source>Please enter an email address so we can write to you.</source>
        <translation>Por favor, escriba un correo electrónico para que podamos escribirle.</translation>
    </message>
    <message>
        <source>Please choose a time of day.</source>
        <translation>Por favor, elija un momento del día.</translation>
    </message>
    <message>
        <source>Please choose topics from the list.</source>
        <translation>Por favor, elija temas de la lista.</translation>
    </message>
    <message>
        <source>Please shorten your message to {count} characters.</source>
        <translation>Por favor, acorte su mensaje a {count} letras o menos.</translation>
    </message>
    <message>
        <source>Please tick the box to let the clinic contact you.</source>
        <translation>Por favor, marque la casilla para que la clínica pueda comunicarse con usted.</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>This screen will clear what you typed and go back to the start.</source>
        <translation>Esta pantalla borrará lo que escribió y volverá al inicio.</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Button: leave the thank-you and go back to the start</extracomment>
        <translation>Listo</translation>
    </message>
    <message>
        <source>To ask a question or book a visit, please call us or ask at the front desk.</source>
        <translation>Para hacer una pregunta o pedir una cita, llámenos o pregunte en la recepción.</translation>
    </message>
</context>
<context>
    <name>ContactView</name>
    <message>
        <source>Ask us to contact you</source>
        <translation>Pida que nos comuniquemos con usted</translation>
    </message>
</context>
<context>
    <name>ContentBridge</name>
    <message>
        <source>This page is only in %1.</source>
        <translation>Esta página solo está en %1.</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>A date as a month and year: Qt&apos;s date format (MMMM is the month&apos;s name).</extracomment>
        <translation>MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>Draft, %1: not yet reviewed by %2.</source>
        <translation>Borrador, %1: aún sin revisar por %2.</translation>
    </message>
    <message>
        <source>Draft, %1: not yet reviewed.</source>
        <translation>Borrador, %1: aún sin revisar.</translation>
    </message>
    <message>
        <source>Last reviewed %1 by %2.</source>
        <translation>Última revisión: %1, por %2.</translation>
    </message>
    <message>
        <source>Last reviewed %1.</source>
        <translation>Última revisión: %1.</translation>
    </message>
    <message>
        <source>Picture.</source>
        <translation>Imagen.</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Imagen: %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Guided tour</source>
        <translation>Recorrido guiado</translation>
    </message>
    <message>
        <source>This page is only in %1.</source>
        <translation>Esta página solo está en %1.</translation>
    </message>
    <message>
        <source>Key points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Draft, %1: not yet reviewed by %2.</source>
        <translation>Borrador, %1: aún sin revisar por %2.</translation>
    </message>
    <message>
        <source>Draft, %1: not yet reviewed.</source>
        <translation>Borrador, %1: aún sin revisar.</translation>
    </message>
    <message>
        <source>Last reviewed %1 by %2.</source>
        <translation>Última revisión: %1, por %2.</translation>
    </message>
    <message>
        <source>Last reviewed %1.</source>
        <translation>Última revisión: %1.</translation>
    </message>
    <message>
        <source>Words used on this page</source>
        <translation>Palabras de esta página</translation>
    </message>
</context>
<context>
    <name>GlossaryCard</name>
    <message>
        <source>What this word means</source>
        <translation>Qué significa esta palabra</translation>
    </message>
    <message>
        <source>Close</source>
        <extracomment>Button: close the card that says what a word means</extracomment>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>HelpfulBox</name>
    <message>
        <source>Was this page helpful?</source>
        <extracomment>Asked once at the end of every page and tour step</extracomment>
        <translation>¿Le sirvió esta página?</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Answer to &quot;Was this page helpful?&quot;</extracomment>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Not really</source>
        <extracomment>Answer to &quot;Was this page helpful?&quot;: it did not help much</extracomment>
        <translation>No mucho</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <extracomment>After a patient answered &quot;Was this page helpful?&quot;</extracomment>
        <translation>Gracias por decírnoslo.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Read at your own pace. We count how often each page is read, never who reads it.</source>
        <translation>Lea a su propio ritmo. Contamos cuántas veces se lee cada página, nunca quién la lee.</translation>
    </message>
    <message>
        <source>Read at your own pace. What you read here is not recorded.</source>
        <translation>Lea a su propio ritmo. Lo que lea aquí no se guarda.</translation>
    </message>
    <message>
        <source>Start the guided tour</source>
        <translation>Empezar el recorrido guiado</translation>
    </message>
    <message>
        <source>Contact us</source>
        <extracomment>Button: open the screen with the clinic&apos;s phone numbers and the request form</extracomment>
        <translation>Contáctenos</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message numerus="yes">
        <source>To keep your information private, this screen will clear and start over in %n second(s).</source>
        <translation>
            <numerusform>Para mantener privada su información, esta pantalla se borrará y empezará de nuevo en %n segundo.</numerusform>
            <numerusform>Para mantener privada su información, esta pantalla se borrará y empezará de nuevo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
</context>
<context>
    <name>KeyPointsBox</name>
    <message>
        <source>Key points</source>
        <translation>Puntos clave</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
</context>
<context>
    <name>ListenBar</name>
    <message>
        <source>Listen</source>
        <extracomment>Button: read this text aloud</extracomment>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Resume</source>
        <extracomment>Button: go on reading aloud after a pause</extracomment>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Button: stop reading aloud for now, to go on later</extracomment>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Listen: read this aloud</source>
        <translation>Escuchar: leer esto en voz alta</translation>
    </message>
    <message>
        <source>Resume reading aloud</source>
        <translation>Continuar la lectura en voz alta</translation>
    </message>
    <message>
        <source>Pause reading aloud</source>
        <translation>Pausar la lectura en voz alta</translation>
    </message>
    <message>
        <source>Stop</source>
        <extracomment>Button: stop reading aloud</extracomment>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Detener la lectura en voz alta</translation>
    </message>
    <message>
        <source>Reading pace</source>
        <translation>Velocidad de lectura</translation>
    </message>
    <message>
        <source>Pace</source>
        <extracomment>Label before the Normal and Slower buttons: how fast the voice reads</extracomment>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Slower</source>
        <extracomment>Button: read aloud more slowly</extracomment>
        <translation>Más lento</translation>
    </message>
    <message>
        <source>Normal</source>
        <extracomment>Button: read aloud at the usual pace</extracomment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Slower reading pace</source>
        <translation>Lectura más lenta</translation>
    </message>
    <message>
        <source>Normal reading pace</source>
        <translation>Lectura a velocidad normal</translation>
    </message>
    <message>
        <source>Paused at sentence %1 of %2</source>
        <translation>En pausa en la oración %1 de %2</translation>
    </message>
    <message>
        <source>Reading sentence %1 of %2</source>
        <translation>Leyendo la oración %1 de %2</translation>
    </message>
</context>
<context>
    <name>MessageField</name>
    <message>
        <source>A short message (optional)</source>
        <translation>Un mensaje corto (opcional)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Letters typed in the message so far, of the most it can hold: &quot;12 of 500&quot;</extracomment>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>A short message</source>
        <translation>Un mensaje corto</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Shift</source>
        <extracomment>Keyboard key: the next letter is a capital</extracomment>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>Delete</source>
        <extracomment>Keyboard key: erase the letter before the cursor</extracomment>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Space</source>
        <extracomment>Keyboard key: the space bar</extracomment>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Keyboard key: close the keyboard</extracomment>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>PageLinks</name>
    <message>
        <source>Read next</source>
        <translation>Siga leyendo</translation>
    </message>
</context>
<context>
    <name>PageScrollBar</name>
    <message>
        <source>How far down the page you are</source>
        <translation>Qué tan abajo está en la página</translation>
    </message>
</context>
<context>
    <name>PageTerms</name>
    <message>
        <source>Words on this page</source>
        <translation>Palabras de esta página</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Read this at home</source>
        <translation>Lea esto en casa</translation>
    </message>
    <message>
        <source>QR code: opens this page on your phone</source>
        <translation>Código QR: abre esta página en su celular</translation>
    </message>
    <message>
        <source>Sources</source>
        <extracomment>Heading over the list of studies and guidelines a page is based on</extracomment>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>SettingsProblem</name>
    <message>
        <source>Clinic kiosk settings</source>
        <translation>Configuración del quiosco de la clínica</translation>
    </message>
    <message>
        <source>This screen is being set up</source>
        <translation>Esta pantalla se está configurando</translation>
    </message>
    <message>
        <source>Please tell the front desk. For IT: the kiosk&apos;s settings have these problems (run kiosk-admin config check):</source>
        <translation>Avise en la recepción, por favor. Para soporte técnico: la configuración del quiosco tiene estos problemas (ejecute kiosk-admin config check):</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <extracomment>Button: go to the first screen, with every topic</extracomment>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>Button: go back one screen</extracomment>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Contact us</source>
        <extracomment>Button: open the screen with the clinic&apos;s phone numbers and the request form</extracomment>
        <translation>Contáctenos</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Texto normal</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Texto grande</translation>
    </message>
    <message>
        <source>Largest text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Contrast</source>
        <extracomment>Button: turn high-contrast colours on or off</extracomment>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>I&apos;m done</source>
        <extracomment>Button: clear everything and start over for the next patient</extracomment>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>I&apos;m done: clear everything and start over</source>
        <translation>Terminé: borrar todo y empezar de nuevo</translation>
    </message>
</context>
<context>
    <name>TourScreen</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>Button: go back one step of the guided tour</extracomment>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Finish</source>
        <extracomment>Button: end the guided tour and go to the first screen</extracomment>
        <translation>Fin del recorrido</translation>
    </message>
    <message>
        <source>Next</source>
        <extracomment>Button: go on to the next step of the guided tour</extracomment>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>Unavailable</name>
    <message>
        <source>Clinic kiosk</source>
        <translation>Quiosco de la clínica</translation>
    </message>
    <message>
        <source>This screen is being updated</source>
        <translation>Esta pantalla se está actualizando</translation>
    </message>
    <message>
        <source>Please ask the front desk. Thank you for your patience.</source>
        <translation>Pregunte en la recepción, por favor. Gracias por su paciencia.</translation>
    </message>
</context>
</TS>
