pragma Singleton
import QtQuick

// Colours, sizes and fonts: one place, two palettes, three text sizes. No other
// screen file has a literal colour, pixel size or font family.
QtObject {
    property real textScale: 1.0
    property bool highContrast: false
    property url iconDir: ""

    // Fonts.
    readonly property string fontFamily: "Atkinson Hyperlegible"
    readonly property string monoFamily: "monospace"  // the staff log, settings problems

    // Colours: a calm light palette; high contrast is white and yellow on black.
    readonly property color background: highContrast ? "#000000" : "#f4f1ea"
    readonly property color surface: highContrast ? "#000000" : "#ffffff"
    readonly property color ink: highContrast ? "#ffffff" : "#1b2430"
    readonly property color muted: highContrast ? "#ffffff" : "#47525c"
    readonly property color accent: highContrast ? "#ffd400" : "#1d5b79"
    readonly property color accentInk: highContrast ? "#000000" : "#ffffff"
    readonly property color border: highContrast ? "#ffffff" : "#cdd6dc"  // rules between areas
    // The outline of anything a patient can press or type in: 3:1 or more on the page.
    readonly property color controlBorder: highContrast ? "#ffffff" : "#6b7680"
    readonly property color link: highContrast ? "#ffd400" : "#164a63"  // 7:1 on every fill
    // A glossary word a patient can tap: ink on a soft fill, underlined; 11:1 in both palettes.
    readonly property color termInk: ink
    readonly property color termFill: highContrast ? "#1f3f55" : "#c9dde9"
    readonly property color notice: highContrast ? "#000000" : "#fff4e5"
    readonly property color noticeBorder: highContrast ? "#ffd400" : "#b35c00"
    // Boxes on a page: key points, evidence, a tool (checklist), safety (when to get help).
    readonly property color keyPointsFill: highContrast ? "#000000" : "#eef3f6"
    readonly property color keyPointsBorder: highContrast ? "#ffffff" : "#9fb3c0"
    readonly property color evidenceFill: highContrast ? "#000000" : "#ffffff"
    readonly property color evidenceBorder: highContrast ? "#ffffff" : "#1d5b79"
    readonly property color toolFill: highContrast ? "#000000" : "#eef6f0"
    readonly property color toolBorder: highContrast ? "#ffffff" : "#2d6a3e"
    // The keyboard focus ring: 3:1 or more against the page and against every control.
    readonly property color focusRing: highContrast ? "#00e5ff" : "#1b2430"
    readonly property color pressed: highContrast ? "#333333" : "#e3ecf1"
    // Words that need attention: a field's problem, the staff screen's messages.
    readonly property color alertInk: highContrast ? accent : "#7a3d00"  // words of an error: 7:1
    readonly property color scrim: highContrast ? "#000000" : "#e6102a38"  // under the idle warning
    readonly property color cardScrim: highContrast ? "#000000" : "#cc102a38"  // under a word's card
    readonly property color keyboardPanel: highContrast ? "#000000" : "#e4e9ed"

    // Sizes in pixels for a 1080-pixel-wide screen. These grow with textScale.
    readonly property int bodyFont: Math.round(30 * textScale)
    readonly property int smallFont: Math.round(24 * textScale)
    readonly property int headingFont: Math.round(40 * textScale)
    readonly property int titleFont: Math.round(54 * textScale)
    readonly property int cardTitleFont: Math.round(headingFont * 0.85)  // topic tiles, page list
    // About 70 characters of body text per line.
    readonly property int readingWidth: Math.round(bodyFont * 33)

    // Fixed sizes: these stay the same at every text size.
    readonly property int touchTarget: 88
    readonly property int margin: 48
    readonly property int radius: 20
    readonly property int radiusSmall: radius / 2  // text boxes, notices, the tick box
    readonly property int buttonFont: Math.round(28 * textScale)  // grows with the text
    readonly property int buttonInset: 56  // beside a button's icon and words, both sides together
    readonly property int buttonIcon: 36
    readonly property int phoneIcon: 44  // beside each phone number on the contact page
    readonly property int chevronIcon: 48  // at the end of each page in a topic's list
    readonly property int tileIcon: 112  // a topic tile's picture
    readonly property int tickBox: 56  // the consent check box
    readonly property int tickIcon: 40  // the tick inside it
    readonly property int scrollBarWidth: 14

    // Strokes and gaps.
    readonly property int line: 3  // borders, rules, rings
    readonly property int focusRingWidth: 4
    readonly property int focusRingGap: 3  // between a control and its focus ring
    readonly property int lineThin: 2  // a text box's border, a keyboard key's
    readonly property int lineFocus: 4  // a text box's border while it has the focus
    readonly property int spacing: 24
    readonly property int gapTiny: 4  // a staff fact's name above its value
    readonly property int gapSmall: 8  // a label and what it labels; a title and its summary
    readonly property int gapMedium: 12  // a button's icon and words; buttons in a row of choices
    readonly property int paragraphGap: 12  // a page's paragraphs, as rich text spaces them
    readonly property int headingGap: 20  // above a heading in a page's text
    readonly property int usageBarWidth: 420  // the staff screen's longest usage bar
    readonly property int tickGap: 20  // the tick box and its words
    readonly property int fieldPadding: 20  // left and right of the words in a text box
    readonly property int messagePadding: 16  // round the words in the message box

    // Screen-specific sizes. A screen's ...Width, uncommented, is the widest its
    // centred column grows.
    // The top bar: below compactBarWidth its buttons show icons only.
    readonly property int barPadding: 16  // above and below the top bar's buttons
    readonly property int barGap: 16
    readonly property int barGapCompact: 10
    readonly property int compactBarWidth: 1400
    readonly property list<int> sizeButtonFonts: [26, 34, 42]  // the "A" on each text size button
    // The attract screen: it never grows with textScale (no one has chosen yet).
    readonly property int attractWidth: 1400
    readonly property int attractNameFont: 72
    readonly property int attractInviteFont: 52
    readonly property int attractHighlightFont: 40
    readonly property real attractHighlightHeight: 3 * 44 * 1.3  // three lines, so nothing jumps
    readonly property int attractStartFont: 40
    // Topics and pages.
    readonly property int topicListWidth: 1400
    readonly property int tileWidth: 480  // a topic tile's natural width
    readonly property int pageWideWidth: 1500  // from this width a page's notes sit beside it
    readonly property int pageSideWidth: 560  // that column of notes
    readonly property int boxPadding: 24  // inside a box on a page
    readonly property int boxTitleFont: Math.round(headingFont * 0.8)
    readonly property int noticeStripe: 10  // the coloured bar down a notice's left edge
    readonly property int noticeStripeRadius: 4
    // The guided tour.
    readonly property int tourDot: 18  // one step in the progress row
    readonly property int tourDotGap: 10
    readonly property int tourButtonWidth: 320  // Back and Next
    readonly property int swipeDistance: 120  // how far a finger moves sideways to turn a step
    // Read-aloud: the band under the Listen buttons with the sentence being said, large.
    readonly property color nowReadingFill: highContrast ? "#000000" : "#fff8d6"
    readonly property color nowReadingBorder: highContrast ? "#ffd400" : "#8a6d00"
    readonly property int nowReadingFont: Math.round(38 * textScale)
    // Contact us and the idle warning.
    readonly property int contactWidth: 1000
    readonly property int contactWideWidth: 1700  // details and form side by side
    readonly property int contactDetailsWidth: 880  // the details, beside the form
    // The clinic's address beside its QR code wraps no narrower than this.
    readonly property int contactWordsWidth: Math.round(bodyFont * 12)
    readonly property int idleWidth: 1000
    readonly property int glossaryCardWidth: 1100  // a glossary word's card
    readonly property int closeButtonWidth: 260  // its Close button, at the least
    readonly property int doneGap: 24  // round "I'm done", and between Yes and No when it asks
    // QR codes a patient scans with their own phone (the clinic's card, a page's address):
    // dark on a white plate in both palettes, since scanners need dark on light, and big
    // enough for an older phone held at arm's length.
    readonly property string qrInk: "#1b2430"  // the light palette's ink
    readonly property color qrPlate: "#ffffff"
    readonly property int qrSize: 300  // the smallest a code is drawn, quiet zone included
    readonly property int qrModule: 6  // the smallest one square of a code is drawn
    readonly property int qrPadding: 8  // white round the code's own quiet zone
    // The on-screen keyboard.
    readonly property int keyboardWidth: 1500  // the widest the rows of keys grow
    readonly property int keyHeight: 84
    readonly property int keyGap: 10
    readonly property int keyMaxWidth: 130  // a letter key
    readonly property int padKeyMaxWidth: 220  // a phone keypad key
    readonly property int keyRadius: 12
    readonly property int keyFont: Math.round(34 * textScale)  // a letter or digit
    readonly property int keyWordFont: Math.round(26 * textScale)  // Shift, Delete, Space, Done
    // The staff screen.
    readonly property int staffWidth: 1100
    readonly property int pinDotsFont: 48
    readonly property int pinKeyWidth: 180
    readonly property int pinKeyHeight: 110
    readonly property int pinKeyGap: 14
    readonly property int logFont: 18
    // The fallback screens, fixed like the attract screen: content unavailable, and
    // settings being set up.
    readonly property int unavailableWidth: 1200
    readonly property int unavailableGap: 40
    readonly property int unavailableTitleFont: 64
    readonly property int unavailableTextFont: 44
    readonly property int setupWidth: 1400
    readonly property int setupGap: 32
    readonly property int setupTitleFont: 60
    readonly property int setupTextFont: 32
    readonly property int setupCodeFont: 26  // each problem
    // An author's preview: its banner above the kiosk, on a desktop, not for patients (it
    // keeps its colours when the patient's high contrast is on: it is not theirs).
    readonly property color previewFill: "#1b2430"
    readonly property color previewInk: "#ffffff"
    readonly property color previewError: "#ffb4a8"  // 9.2:1 on previewFill
    readonly property color previewWarning: "#ffd88a"  // 11.5:1
    readonly property color previewNote: "#c9d3dc"  // 10.3:1
    readonly property color previewClean: "#7fd1a0"  // the strip when there is nothing to fix (8.6:1)
    readonly property int previewFont: 20
    readonly property int previewCodeFont: 18
    readonly property int previewPadding: 14
    readonly property int previewGap: 6
    readonly property int previewStrip: 10
    readonly property int previewProblemLines: 3

    function previewColor(severity) {
        return severity === "error" ? previewError : severity === "warning" ? previewWarning
             : severity === "note" ? previewNote : previewClean
    }

    function boxFill(kind) {
        return kind === "safety" ? notice : kind === "tool" ? toolFill : evidenceFill
    }

    function boxBorder(kind) {
        return kind === "safety" ? noticeBorder : kind === "tool" ? toolBorder : evidenceBorder
    }

    // Rich text ignores Text.linkColor; a style rule colours its links, and marks
    // glossary words apart from links to pages.
    function richText(html) {
        return html ? "<style>a { color: " + link + "; } a.term { color: " + termInk
                      + "; background-color: " + termFill + "; }</style>" + html : ""
    }

    function icon(name, onAccent) {
        if (iconDir.toString() === "")
            return ""
        var variant = highContrast ? (onAccent ? "hc" : "light") : (onAccent ? "light" : "dark")
        return iconDir + "/" + name + "-" + variant + ".svg"
    }
}
