/// The secretary's acts as functions of the state and her intent: each returns the events to
/// append, or a refusal in French that the screen shows. The rules live here and are tested
/// here, without a screen; the screens only parse what was typed and call these.
public enum Commands {}

/// An act refused, with the reason in French.
public struct Refusal: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The events an act becomes, or why it is refused.
public typealias CommandResult = Result<[EventDraft], Refusal>

/// Makes the id of a new entity from its prefix (`sea`, `dec`…): random in the program, fixed in tests.
public typealias MakeID = (String) -> String

extension Commands {
    /// The séance, if it exists and may still change (not closed, not cancelled).
    static func changeable(_ st: ProjectState, _ meeting: String) -> Result<Meeting, Refusal> {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        switch m.state {
        case .closed: return .failure(Refusal("Séance close : lecture seule. Ctrl+R pour la rouvrir."))
        case .cancelled: return .failure(Refusal("Séance annulée : rien ne peut y être ajouté."))
        case .planned, .inProgress: return .success(m)
        }
    }

    /// A member's id when the text is a participant's name (accents and case aside), else the text.
    public static func memberOrText(_ st: ProjectState, _ text: String, meeting: String) -> String {
        st.participants(of: meeting).first { Folding.fold($0.name) == Folding.fold(text) }?.id ?? text
    }
}
