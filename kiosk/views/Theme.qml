pragma Singleton
import QtQuick

// Colours, sizes and the font: one place, two palettes, three text sizes.
QtObject {
    property real textScale: 1.0
    property bool highContrast: false
    property url iconDir: ""

    readonly property string fontFamily: "Atkinson Hyperlegible"

    // Calm light palette; high contrast is white and yellow on black.
    readonly property color background: highContrast ? "#000000" : "#f4f1ea"
    readonly property color surface: highContrast ? "#000000" : "#ffffff"
    readonly property color ink: highContrast ? "#ffffff" : "#1b2430"
    readonly property color muted: highContrast ? "#ffffff" : "#47525c"
    readonly property color accent: highContrast ? "#ffd400" : "#1d5b79"
    readonly property color accentInk: highContrast ? "#000000" : "#ffffff"
    readonly property color border: highContrast ? "#ffffff" : "#cdd6dc"
    readonly property color link: highContrast ? "#ffd400" : "#1d5b79"
    readonly property color notice: highContrast ? "#000000" : "#fff4e5"
    readonly property color noticeBorder: highContrast ? "#ffd400" : "#b35c00"
    readonly property color pressed: highContrast ? "#333333" : "#e3ecf1"

    // Sizes in pixels for a 1080-pixel-wide screen; text grows with textScale.
    readonly property int touchTarget: 88
    readonly property int spacing: 24
    readonly property int margin: 48
    readonly property int radius: 20
    readonly property int bodyFont: Math.round(30 * textScale)
    readonly property int smallFont: Math.round(24 * textScale)
    readonly property int buttonFont: 28
    readonly property int headingFont: Math.round(40 * textScale)
    readonly property int titleFont: Math.round(54 * textScale)
    // About 70 characters of body text per line.
    readonly property int readingWidth: Math.round(bodyFont * 33)

    // Rich text ignores Text.linkColor; a style rule colours its links.
    function richText(html) {
        return html ? "<style>a { color: " + link + "; }</style>" + html : ""
    }

    function icon(name, onAccent) {
        if (iconDir.toString() === "")
            return ""
        var variant = highContrast ? (onAccent ? "hc" : "light") : (onAccent ? "light" : "dark")
        return iconDir + "/" + name + "-" + variant + ".svg"
    }
}
