/// The secretary's acts as functions of the state and her intent: each returns the events to
/// append, or a refusal in French that the screen shows. The rules live here and are tested
/// here, without a screen; the screens only parse what was typed and call these.
public enum Commands {}

/// An act refused, with the reason in French, and for the refusals a screen turns into a
/// question, what it should ask.
public struct Refusal: Error, Equatable, Sendable {
    public enum Code: Sendable, Equatable {
        /// The séance is planned: ask « Ouvrir la séance ? » with its time (`Commands.openMeeting`), then redo the act.
        case notOpened
        /// The quorum is not reached: ask whether the committee deliberates without quorum
        /// (second convocation), then redo the act with `QuorumCheck.waived`.
        case quorumNotMet
        /// A tie where the président's vote decides: ask which way he voted (`castingVote:`).
        case tieNeedsCastingVote
        /// A ballot of a member who is neither present nor represented.
        case notPresent
    }
    public var message: String
    public var code: Code?
    public init(_ message: String, code: Code? = nil) { self.message = message; self.code = code }
}

/// Whether an act opens a planned séance by itself (what the screens did before issue 14) or
/// is refused with `Refusal.Code.notOpened` so that the screen asks first.
public enum Opening: Sendable, Equatable {
    /// Deprecated: the séance opens at the act's time. The screens are to switch to `.explicit`.
    case implicit
    case explicit
}

/// What a vote does when the quorum is not reached.
public enum QuorumCheck: Sendable, Equatable {
    /// Refused with `Refusal.Code.quorumNotMet` and the reason.
    case required
    /// The secretary confirmed that the committee deliberates without quorum (a second
    /// convocation allows it for a CCAS board, CASF R123-19): the decision says « sans quorum ».
    case waived
    /// Not checked: the ranking screen's adoption before issue 14 (to be switched to `.required`).
    case unchecked
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

    /// The séance, if it may change and has been opened; with `.implicit`, a planned séance passes too.
    static func opened(_ st: ProjectState, _ meeting: String, _ opening: Opening) -> Result<Meeting, Refusal> {
        let r = changeable(st, meeting)
        if case .success(let m) = r, m.state == .planned, opening == .explicit {
            return .failure(Refusal("La séance n'est pas encore ouverte : ouvrez-la d'abord, à son heure.", code: .notOpened))
        }
        return r
    }

    /// Changes to a séance that may be closed: a closed séance is reopened for the correction and
    /// closed again at the same time (the journal keeps both versions and says why).
    static func correcting(_ st: ProjectState, _ meeting: String, _ drafts: [EventDraft]) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        if m.state == .cancelled { return .failure(Refusal("Séance annulée : rien ne peut y être corrigé.")) }
        guard !drafts.isEmpty, m.state == .closed, let end = m.endTime else { return .success(drafts) }
        return .success([EventDraft(.seanceReopen, meeting, [(.reason, "correction")])] + drafts
                        + [EventDraft(.seanceClose, meeting, [(.time, end.journalValue)])])
    }

    /// A member's id when the text is a participant's name (accents and case aside), else the text.
    public static func memberOrText(_ st: ProjectState, _ text: String, meeting: String) -> String {
        st.participants(of: meeting).first { Folding.fold($0.name) == Folding.fold(text) }?.id ?? text
    }
}
