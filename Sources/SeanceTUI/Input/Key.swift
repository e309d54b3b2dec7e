/// A key as the application sees it, decoded from the terminal by the backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, insert, escape
    case f(Int)
    /// Ctrl + a letter (`ctrl("s")`).
    case ctrl(Character)
    /// Ctrl or Alt + arrow: word moves in editors.
    case wordLeft, wordRight

    /// The key's name in the key bar and the help.
    public var label: String {
        switch self {
        case .char(" "): "Espace"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Début"
        case .end: "Fin"
        case .pageUp: "PgPréc"
        case .pageDown: "PgSuiv"
        case .enter: "Entrée"
        case .tab: "Tab"
        case .backTab: "Maj+Tab"
        case .backspace: "Retour arrière"
        case .delete: "Suppr"
        case .insert: "Inser"
        case .escape: "Échap"
        case .f(let n): "F\(n)"
        case .ctrl(let c): "Ctrl+" + String(c).uppercased()
        case .wordLeft: "Ctrl+←"
        case .wordRight: "Ctrl+→"
        }
    }
}
