import QtQuick

// Keeps Tab and Shift+Tab inside `scope` while it is shown: a dialog's controls,
// round and round, never the screen beneath it. A focused button moves the focus
// on Tab by itself, so this listens as a shortcut, before the button does.
Item {
    id: trap

    required property Item scope

    function within(item) {
        for (let up = item; up; up = up.parent)
            if (up === scope)
                return true
        return false
    }
    function move(forward) {
        let item = scope.Window.activeFocusItem
        for (let step = 0; item && step < 500; step++) {  // the chain is a circle
            item = item.nextItemInFocusChain(forward)
            if (item && within(item) && item.visible && item.activeFocusOnTab) {
                item.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                return
            }
        }
    }

    Shortcut {
        sequences: ["Tab"]
        enabled: trap.scope.visible
        onActivated: trap.move(true)
    }
    Shortcut {
        sequences: ["Backtab"]
        enabled: trap.scope.visible
        onActivated: trap.move(false)
    }
}
