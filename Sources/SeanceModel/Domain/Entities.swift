/// The project (contrat de cohésion sociale, projet social de territoire): one per journal.
public struct Project: Sendable, Equatable {
    public var name: String = ""
    public var territory: String = ""
    public var start: LocalDate?
    public var end: LocalDate?
    public var envelope: Money?
    public var timeZone: String = "Europe/Paris"
    public var description: String = ""
}

/// A priority of the project (axe).
public struct Axis: Sendable, Equatable, Identifiable {
    public var id: String
    public var number: Int
    public var title: String
    public var retired = false
}

public enum CommitteeKind: String, Sendable, CaseIterable {
    case pilotage, technique, autre
}

/// How many voting members must be present or represented for a valid vote.
public enum QuorumRule: Sendable, Equatable {
    /// More than half of the voting members (the default).
    case majority
    /// At least a third of the voting members.
    case third
    case none
    case count(Int)

    public init?(journalValue v: String) {
        switch v {
        case "majorite": self = .majority
        case "tiers": self = .third
        case "aucun": self = .none
        default:
            guard let n = Int(v), n >= 0 else { return nil }
            self = .count(n)
        }
    }
    public var journalValue: String {
        switch self {
        case .majority: "majorite"
        case .third: "tiers"
        case .none: "aucun"
        case .count(let n): String(n)
        }
    }
    /// The number of voting members needed out of `voting`.
    public func required(outOf voting: Int) -> Int {
        switch self {
        case .majority: voting / 2 + 1
        case .third: (voting + 2) / 3
        case .none: 0
        case .count(let n): n
        }
    }
}

/// How long before a séance its convocation must be sent: no rule (informal committees), at least
/// N days (CCAS board: three days, CASF R123-16), or N jours francs — neither the day of sending
/// nor the day of the séance counts (conseil municipal: three or five, CGCT L2121-11/12).
public enum ConvocationRule: Sendable, Equatable {
    case none
    case days(Int)
    case clearDays(Int)

    /// `aucun`, `3` (days), `5f` (jours francs).
    public init?(journalValue v: String) {
        if v == "aucun" || v.isEmpty { self = .none; return }
        if v.hasSuffix("f"), let n = Int(v.dropLast()), (0...365).contains(n) { self = .clearDays(n); return }
        guard let n = Int(v), (0...365).contains(n) else { return nil }
        self = .days(n)
    }
    public var journalValue: String {
        switch self {
        case .none: "aucun"
        case .days(let n): String(n)
        case .clearDays(let n): "\(n)f"
        }
    }

    /// The last day a convocation may be sent for a séance on `meeting`; nil without a rule.
    /// « N jours » : the séance at least N days after the sending (sent on the 1st, séance the
    /// 4th for three days). « N jours francs » : N whole days between them, neither counted
    /// (sent on the 1st, séance the 5th at the earliest for three jours francs).
    public func latestSending(for meeting: LocalDate) -> LocalDate? {
        switch self {
        case .none: nil
        case .days(let n): LocalDate(daysSinceEpoch: meeting.daysSinceEpoch - Int64(n))
        case .clearDays(let n): LocalDate(daysSinceEpoch: meeting.daysSinceEpoch - Int64(n) - 1)
        }
    }

    /// Whether a convocation sent on `sent` respects the rule for a séance on `meeting`.
    public func isRespected(sent: LocalDate, meeting: LocalDate) -> Bool {
        guard let last = latestSending(for: meeting) else { return true }
        return sent <= last
    }
}

public enum MajorityRule: String, Sendable, CaseIterable {
    case simple, absolue, deux_tiers
}

/// A committee: the comité de pilotage, a comité technique, or another body.
public struct Committee: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var kind: CommitteeKind
    public var axis: String?
    public var quorum: QuorumRule = .majority
    public var majority: MajorityRule = .simple
    public var description: String = ""
    /// The committee's président(e) (a member's id or a name) and usual secrétaire: the séances' by default.
    public var president: String = ""
    public var secretary: String = ""
    /// Whether pouvoirs count toward the quorum (not for a conseil municipal: CGCT L2121-17).
    public var proxiesCountForQuorum = true
    /// Whether the président's vote decides a tie (voix prépondérante).
    public var castingVote = false
    /// How long before a séance its convocation must be sent.
    public var convocation: ConvocationRule = .none
    public var retired = false
    /// Members in the order they were added (retired ones included).
    public var memberIDs: [String] = []
    /// Séances in creation order.
    public var meetingIDs: [String] = []
    /// The highest séance number so far (the next séance is numbered one more).
    public var highestMeetingNumber = 0
}

public enum MemberRole: String, Sendable, CaseIterable {
    case elu, administrateur, rapporteur, referent, professionnel, expert, invite, autre
}

/// A person's seat in one committee. A person who sits on several committees has one seat on
/// each: the first one added is the person (its id is hers), the others point to it with
/// `person`. Her identity — name, civilité, organisation, fonction, courriel, téléphone — is the
/// same on all her seats (an edit on one changes all); role, vote and retirement are per seat.
public struct Member: Sendable, Equatable, Identifiable {
    public var id: String
    public var committee: String
    /// The person this seat is a seat of, when she sat elsewhere first (the id of her first
    /// seat); nil for a person's first seat.
    public var person: String?
    public var name: String
    public var organisation: String = ""
    public var role: MemberRole = .autre
    public var voting = true
    public var retired = false
    /// A guest of one séance only.
    public var guestOf: String?
    public var civility: Civility?
    public var function: String = ""
    public var email: String = ""
    public var phone: String = ""
}

extension Member {
    /// The person's identity, the same on all her seats: name, civilité, organisation, fonction,
    /// courriel, téléphone (role, vote and retirement stay the seat's).
    public mutating func takeIdentity(of other: Member) {
        name = other.name; civility = other.civility; organisation = other.organisation
        function = other.function; email = other.email; phone = other.phone
    }

    /// The id of the person this seat is a seat of (her first seat's).
    public var personID: String { person ?? id }
}

/// How a person is addressed in letters and on the feuille d'émargement.
public enum Civility: String, Sendable, CaseIterable {
    case mme = "Mme"
    case m = "M."
}

public enum MeetingStatus: String, Sendable, CaseIterable {
    case planned, inProgress, closed, cancelled
}

public enum AgendaKind: String, Sendable, CaseIterable {
    case information, debat, decision, hierarchisation
}

public struct AgendaItem: Sendable, Equatable, Identifiable {
    public var id: String
    public var meeting: String
    public var title: String
    public var kind: AgendaKind = .information
    public var presenter: String = ""
    public var plannedMinutes: Int?
    public var startedAt: LocalTime?
    /// What the item carries besides its title (the open follow-ups of « Suivi des décisions »…).
    public var details: String = ""
    /// The follow-ups the item takes up (« Suivi des décisions précédentes »), shown live.
    public var followUps: [String] = []
    /// The séance whose compte rendu this item approves (« Approbation du compte rendu… »): a
    /// decision « validé » or « amendé » on it approves that compte rendu.
    public var approves: String?
}

public enum AttendanceStatus: String, Sendable, CaseIterable {
    case present, distance, excuse, absent, pouvoir

    /// In the room or at a distance: there.
    public var isThere: Bool { self == .present || self == .distance }
}

public struct Attendance: Sendable, Equatable {
    public var status: AttendanceStatus
    public var proxy: String?
    public var time: LocalTime?
    /// A member who was there and left during the séance: when (« parti(e) à 11 h 05 »). They
    /// count as present for what was decided before.
    public var left: LocalTime?
    /// For a member who left: the time they had arrived, if they arrived late.
    public var arrived: LocalTime?
    public var hasLeft: Bool { left != nil }
}

/// One change of attendance during a séance (an arrival, a departure, a proxy given).
public struct AttendanceChange: Sendable, Equatable {
    public var member: String
    public var status: AttendanceStatus
    public var time: LocalTime?
    public var at: Timestamp
    /// Who carries the vote, for a pouvoir: what the attendance at the opening is rebuilt from.
    public var proxy: String? = nil
}

/// The moment an agenda item became the current one.
public struct ItemStart: Sendable, Equatable {
    public var item: String
    public var at: Timestamp
    /// The séance's time (the `time` of `agenda.start`, or its correction): durations count from it.
    public var time: LocalTime?
}

public struct Note: Sendable, Equatable, Identifiable {
    public var id: String
    public var meeting: String
    public var item: String?
    public var text: String
    public var speaker: String?
    public var corrections = 0
    public var deleted = false
    public var timestamp: Timestamp
}

public enum DecisionOutcome: String, Sendable, CaseIterable {
    case valide, ajourne, rejete, amende
}

public struct Decision: Sendable, Equatable, Identifiable {
    public var id: String
    public var meeting: String
    public var item: String?
    public var text: String
    public var outcome: DecisionOutcome
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var abstentions: Int?
    public var unanimous = false
    public var votersPresent: Int?
    public var quorumMet: Bool?
    public var action: String?
    public var corrections = 0
    /// Voting members present or represented when the decision was taken.
    public var present: [String] = []
    /// The result the votes gave, when the secretary recorded another outcome (an override).
    public var computedOutcome: DecisionOutcome?
    /// Deliberated although the quorum was not reached (« sans quorum »).
    public var withoutQuorum = false
    /// Members who « ne prennent pas part au vote ».
    public var recused: [String] = []
    /// A tie decided by the président's casting vote: true when it was for.
    public var casting: Bool?
    /// How many of the séance's notes were recorded before it (the fold counts them): notes and
    /// decisions read back in the order they were typed (`ProjectState.record(of:item:)`).
    public var notesBefore = 0
}

public struct FollowUp: Sendable, Equatable, Identifiable {
    public var id: String
    public var meeting: String
    public var item: String?
    public var what: String
    public var owner: String = ""
    public var due: LocalDate?
    public var done: LocalDate?
    public var isOpen: Bool { done == nil }
}

/// A séance: one meeting of one committee.
public struct Meeting: Sendable, Equatable, Identifiable {
    public var id: String
    public var committee: String
    public var number: Int
    public var date: LocalDate
    public var time: LocalTime?
    public var place: String = ""
    public var title: String = ""
    public var secretary: String = ""
    /// The président(e) de séance (a member's id or a name); empty: the committee's.
    public var president: String = ""
    public var nextDate: LocalDate?
    /// The dates the séance was planned for before it was postponed, oldest first.
    public var postponedFrom: [LocalDate] = []
    public var state: MeetingStatus = .planned
    /// The séance's own opening time (`seance.open`'s `time`, or its correction): not the moment of typing.
    public var openTime: LocalTime?
    /// Whether `time` was set by the opening (a séance without planned start): undoing the opening clears it.
    var timeFromOpening = false
    public var endTime: LocalTime?
    public var agenda: [String] = []
    public var attendance: [String: Attendance] = [:]
    public var guests: [String] = []
    public var notes: [String] = []
    public var decisions: [String] = []
    public var followUps: [String] = []
    /// The agenda item being discussed, and the log of item changes (time spent per item).
    public var currentItem: String?
    public var itemLog: [ItemStart] = []
    public var attendanceLog: [AttendanceChange] = []
    public var openedAt: Timestamp?
    public var closedAt: Timestamp?
    public var reopenings = 0
    /// The day the convocation was sent (« convocation envoyée le »), the last one recorded.
    public var convokedOn: LocalDate?
    /// The day the séance was first reopened after its compte rendu was approved (the compte
    /// rendu then says so: what was changed had not been approved).
    public var modifiedAfterApproval: LocalDate?
}

public enum ActionStatus: String, Sendable, CaseIterable {
    case proposee, retenue, non_retenue, validee, en_cours, realisee, abandonnee
}

/// Whether a financer has been asked or has committed.
public enum FinancingState: String, Sendable, CaseIterable {
    case sollicite, acquis
}

public struct FinancingLine: Sendable, Equatable {
    public var financer: String
    public var amount: Money
    /// « sollicité » or « acquis »; nil where the journal does not say.
    public var state: FinancingState?
}

/// One step in the life of a fiche action: a status change or a progress report.
public struct ActionChange: Sendable, Equatable {
    public var at: Timestamp
    public var date: LocalDate
    public var status: ActionStatus?
    public var percent: Int?
    public var indicator: String?
    public var value: String?
    public var comment: String?
}

/// A fiche action: a candidate action of the programme.
public struct ActionSheet: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var axis: String?
    public var committee: String?
    public var description = ""
    public var objectives = ""
    public var porteur = ""
    public var maitrise = ""
    public var partners = ""
    public var cost: Money?
    public var calendar = ""
    public var indicators = ""
    public var status: ActionStatus = .proposee
    public var financing: [FinancingLine] = []
    /// Status changes and progress reports, in order: the life of the fiche.
    public var history: [ActionChange] = []
    /// The last progress reported, in percent.
    public var progress: Int?

    public var financed: Money { financing.reduce(.zero) { $0 + $1.amount } }
    /// Cost minus the financing plan: zero when the plan adds up.
    public var financingGap: Money? { cost.map { $0 - financed } }
}
