/// The one place that says which fields each event kind has: their key, their type, whether they
/// are required. The fold reads fields through it (a key a kind does not declare is a programming
/// error caught by the tests; an integer's bounds come from here), drafts are built from it, and
/// `docs/journal-format.md`'s tables are generated from it (a test keeps them equal).
public struct EventSchema: Sendable {
    public var kind: EventKind
    /// What the entity column names, for the documentation (« `axis-…` », « the séance »).
    public var entity: String
    public var fields: [FieldSpec]

    public func spec(_ key: FieldKey) -> FieldSpec? { fields.first { $0.key == key } }
    public var required: [FieldKey] { fields.filter(\.required).map(\.key) }
}

/// One field of an event kind.
public struct FieldSpec: Sendable {
    public var key: FieldKey
    public var type: FieldType
    public var required: Bool
    /// What the field means, when its key and type do not say it (documentation only).
    public var doc: String

    init(_ key: FieldKey, _ type: FieldType, required: Bool = false, _ doc: String = "") {
        self.key = key; self.type = type; self.required = required; self.doc = doc
    }
}

/// The form of a value (see « Values » in docs/journal-format.md).
public enum FieldType: Sendable, Equatable {
    case text, money, date, time, timeZone, boolean
    /// An integer within these bounds: no sum or increment of journal numbers can overflow.
    case integer(ClosedRange<Int>)
    /// The id of another entity (what it names).
    case reference(String)
    /// Ids separated by `,`.
    case references(String)
    /// A member's id, or free text for someone who is not a member.
    case memberOrText
    case choice([String])
    /// An exact number: an integer, a decimal or a fraction (`3/10`).
    case fraction
    /// Fiches in order, `,` between equals, `;` between ranks… as written by `RankingText`.
    case tiers
    /// A committee's quorum rule: `majorite`, `tiers`, `aucun` or an integer.
    case quorum
}

/// Every field key of format 1. One name per concept: `seance` is always a séance's id.
public enum FieldKey: String, CaseIterable, Sendable {
    case abstention, action, actions, against, amount, approves, axis, calendar, casting, castingVote = "casting_vote"
    case closing, comment, committee, computed, convocation, cost, criterion, date, decision, description
    case details, due, duration, end, envelope, financer, followups, `for`, indicator
    case indicators, item, kind, maitrise, majority, member, method, name, nextDate = "next_date"
    case number, objectives, opening, order, organisation, outcome, owner, parameters, partners
    case percent, place, porteur, position, present, presenter, president, proxiesQuorum = "proxies_quorum", proxy
    case quorum, quorumMet = "quorum_met", reason, recused, role, score, seance, secretary, selected
    case speaker, start, started, civility, email, function, person, phone
    case status, territory, text, tiebreak, time, title, tz, unanimous, value
    case votersPresent = "voters_present", voting, weight, what, withoutQuorum = "without_quorum"

    /// The key as a literal, for comparing with a line's bytes without making a String.
    var spelling: StaticString {
        switch self {
        case .abstention: "abstention"
        case .action: "action"
        case .actions: "actions"
        case .against: "against"
        case .amount: "amount"
        case .approves: "approves"
        case .axis: "axis"
        case .calendar: "calendar"
        case .casting: "casting"
        case .castingVote: "casting_vote"
        case .closing: "closing"
        case .civility: "civility"
        case .comment: "comment"
        case .committee: "committee"
        case .computed: "computed"
        case .convocation: "convocation"
        case .cost: "cost"
        case .criterion: "criterion"
        case .date: "date"
        case .decision: "decision"
        case .description: "description"
        case .details: "details"
        case .due: "due"
        case .duration: "duration"
        case .email: "email"
        case .end: "end"
        case .envelope: "envelope"
        case .financer: "financer"
        case .followups: "followups"
        case .`for`: "for"
        case .function: "function"
        case .indicator: "indicator"
        case .indicators: "indicators"
        case .item: "item"
        case .kind: "kind"
        case .maitrise: "maitrise"
        case .majority: "majority"
        case .member: "member"
        case .method: "method"
        case .name: "name"
        case .nextDate: "next_date"
        case .number: "number"
        case .objectives: "objectives"
        case .opening: "opening"
        case .order: "order"
        case .organisation: "organisation"
        case .outcome: "outcome"
        case .owner: "owner"
        case .parameters: "parameters"
        case .partners: "partners"
        case .percent: "percent"
        case .person: "person"
        case .phone: "phone"
        case .place: "place"
        case .porteur: "porteur"
        case .position: "position"
        case .present: "present"
        case .presenter: "presenter"
        case .president: "president"
        case .proxiesQuorum: "proxies_quorum"
        case .proxy: "proxy"
        case .quorum: "quorum"
        case .quorumMet: "quorum_met"
        case .reason: "reason"
        case .recused: "recused"
        case .role: "role"
        case .score: "score"
        case .seance: "seance"
        case .secretary: "secretary"
        case .selected: "selected"
        case .speaker: "speaker"
        case .start: "start"
        case .started: "started"
        case .status: "status"
        case .territory: "territory"
        case .text: "text"
        case .tiebreak: "tiebreak"
        case .time: "time"
        case .title: "title"
        case .tz: "tz"
        case .unanimous: "unanimous"
        case .value: "value"
        case .votersPresent: "voters_present"
        case .voting: "voting"
        case .weight: "weight"
        case .what: "what"
        case .withoutQuorum: "without_quorum"
        }
    }
}

/// The bounds of the numbers a journal line may hold. Wide enough for any real committee, narrow
/// enough that a sum or an increment of them can never overflow, whatever a hand-edited or
/// damaged journal says.
public enum FieldRange {
    /// A séance's or an axis's number: one more than the highest is still in range.
    public static let number = 0...999_999
    /// A place in a list (1 is the first).
    public static let position = 1...999_999
    /// Votes, voters, people.
    public static let count = 0...999_999
    /// A planned duration, in minutes (a week at most).
    public static let minutes = 0...10_080
    public static let percent = 0...100
}

extension EventKind {
    /// This kind's fields.
    public var schema: EventSchema { EventSchema.table[self]! }
}

extension EventSchema {
    static let table: [EventKind: EventSchema] = Dictionary(uniqueKeysWithValues: EventKind.allCases.map { ($0, declare($0)) })

    private static func choices<E: CaseIterable & RawRepresentable>(_ e: E.Type) -> FieldType where E.RawValue == String {
        .choice(E.allCases.map(\.rawValue))
    }

    // The groups of fields that several kinds share.
    private static let committeeFields: [FieldSpec] = [
        FieldSpec(.axis, .reference("axe")),
        FieldSpec(.quorum, .quorum, "`majorite` — more than half of the voting members, the default — `tiers`, `aucun`, or an integer"),
        FieldSpec(.majority, choices(MajorityRule.self), "`simple` by default"),
        FieldSpec(.description, .text),
        FieldSpec(.president, .memberOrText, "président(e) of the committee: the séances' président by default"),
        FieldSpec(.secretary, .text, "the usual secrétaire de séance: the séances' by default"),
        FieldSpec(.proxiesQuorum, .boolean, "whether pouvoirs count toward the quorum; default `oui`; `non` where only members present count (conseil municipal, CGCT L2121-17)"),
        FieldSpec(.castingVote, .boolean, "whether the président's vote decides a tie (voix prépondérante, CASF R123-19); default `non`"),
        FieldSpec(.convocation, .text, "how long before a séance its convocation is sent: `aucun` (the default), `3` — at least three days (CCAS board, CASF R123-16) —, or `5f` — five jours francs, neither the day of sending nor the séance's counted (conseil municipal, CGCT L2121-11/12)"),
    ]
    private static let memberFields: [FieldSpec] = [
        FieldSpec(.organisation, .text),
        FieldSpec(.role, choices(MemberRole.self)),
        FieldSpec(.voting, .boolean, "default `oui`"),
        FieldSpec(.civility, choices(Civility.self), "`Mme` or `M.`; empty: none"),
        FieldSpec(.function, .text, "fonction, as the person signs"),
        FieldSpec(.email, .text, "courriel"),
        FieldSpec(.phone, .text, "téléphone, as typed"),
    ]
    private static let meetingFields: [FieldSpec] = [
        FieldSpec(.time, .time, "start"),
        FieldSpec(.place, .text),
        FieldSpec(.title, .text),
        FieldSpec(.secretary, .text, "secrétaire de séance"),
        FieldSpec(.nextDate, .date, "date of the next séance"),
        FieldSpec(.president, .memberOrText, "président(e) de séance; default: the committee's"),
    ]
    private static let agendaFields: [FieldSpec] = [
        FieldSpec(.kind, choices(AgendaKind.self), "default `information`"),
        FieldSpec(.presenter, .memberOrText),
        FieldSpec(.duration, .integer(FieldRange.minutes), "planned minutes"),
        FieldSpec(.details, .text, "shown under the title (the open follow-ups of « Suivi des décisions précédentes » as text, when `followups` is absent)"),
        FieldSpec(.followups, .references("suite à donner"), "the follow-ups the item takes up, shown with their current state (done or not) instead of `details`"),
        FieldSpec(.approves, .reference("séance"), "the séance whose compte rendu this item approves: a decision `valide` or `amende` on the item approves it"),
    ]
    private static let decisionFields: [FieldSpec] = [
        FieldSpec(.item, .reference("point")),
        FieldSpec(.for, .integer(FieldRange.count)),
        FieldSpec(.against, .integer(FieldRange.count)),
        FieldSpec(.abstention, .integer(FieldRange.count)),
        FieldSpec(.unanimous, .boolean),
        FieldSpec(.votersPresent, .integer(FieldRange.count), "votes that could be cast at that moment"),
        FieldSpec(.quorumMet, .boolean),
        FieldSpec(.present, .references("membre"), "the voting members present or represented at that moment"),
        FieldSpec(.computed, choices(DecisionOutcome.self), "the outcome the votes gave, when another one was recorded (an override)"),
        FieldSpec(.action, .reference("fiche action")),
        FieldSpec(.withoutQuorum, .boolean, "the committee deliberated although the quorum was not reached (« sans quorum »: a second convocation, CASF R123-19)"),
        FieldSpec(.recused, .references("membre"), "members who « ne prennent pas part au vote » (conflict of interest, CGCT L2131-11): not counted in the vote nor its quorum"),
        FieldSpec(.casting, .choice(["pour", "contre"]), "a tie decided by the président's casting vote (voix prépondérante), and which way"),
    ]
    private static let actionFields: [FieldSpec] = [
        FieldSpec(.axis, .reference("axe")),
        FieldSpec(.committee, .reference("comité"), "proposing committee"),
        FieldSpec(.description, .text),
        FieldSpec(.objectives, .text),
        FieldSpec(.porteur, .text),
        FieldSpec(.maitrise, .text, "maîtrise d'ouvrage"),
        FieldSpec(.partners, .text),
        FieldSpec(.cost, .money),
        FieldSpec(.calendar, .text),
        FieldSpec(.indicators, .text),
        FieldSpec(.status, choices(ActionStatus.self), "`proposee` by default"),
    ]

    // swiftlint:disable:next function_body_length
    private static func declare(_ kind: EventKind) -> EventSchema {
        func s(_ entity: String, _ fields: [FieldSpec]) -> EventSchema { EventSchema(kind: kind, entity: entity, fields: fields) }
        switch kind {
        case .projectSet:
            return s("`project`", [
                FieldSpec(.name, .text, "required on the first `project.set`"),
                FieldSpec(.territory, .text), FieldSpec(.start, .date), FieldSpec(.end, .date), FieldSpec(.envelope, .money),
                FieldSpec(.tz, .timeZone, "default `Europe/Paris`"), FieldSpec(.description, .text),
            ])
        case .axisAdd:
            return s("`axis-…`", [FieldSpec(.number, .integer(FieldRange.number), required: true), FieldSpec(.title, .text, required: true)])
        case .axisEdit:
            return s("`axis-…`", [FieldSpec(.number, .integer(FieldRange.number)), FieldSpec(.title, .text)])
        case .axisRetire:
            return s("`axis-…`", [])
        case .committeeCreate:
            return s("`com-…`", [FieldSpec(.name, .text, required: true), FieldSpec(.kind, choices(CommitteeKind.self), required: true)] + committeeFields)
        case .committeeEdit:
            return s("`com-…`", [FieldSpec(.name, .text), FieldSpec(.kind, choices(CommitteeKind.self))] + committeeFields)
        case .committeeRetire:
            return s("`com-…`", [])
        case .memberAdd:
            return s("`mem-…`", [FieldSpec(.committee, .reference("comité"), required: true),
                                 FieldSpec(.name, .text, required: true, "« NOM Prénom »")] + memberFields + [
                FieldSpec(.person, .reference("membre"), "the same person as this member: a seat on another committee; the person's name and contact details are hers (those of the line are not read), `role` and `voting` are the seat's"),
            ])
        case .memberEdit:
            return s("`mem-…`", [FieldSpec(.name, .text)] + memberFields)
        case .memberRetire:
            return s("`mem-…`", [])
        case .guestAdd:
            return s("`mem-…` (the guest)", [FieldSpec(.seance, .reference("séance"), required: true),
                                             FieldSpec(.name, .text, required: true)] + memberFields)
        case .seanceCreate:
            return s("`sea-…`", [FieldSpec(.committee, .reference("comité"), required: true), FieldSpec(.date, .date, required: true),
                                 FieldSpec(.number, .integer(FieldRange.number), "default: one more than the committee's highest")] + meetingFields)
        case .seanceEdit:
            return s("`sea-…`", [FieldSpec(.date, .date)] + meetingFields + [
                FieldSpec(.number, .integer(FieldRange.number), "renumbers a séance never opened, when one prepared for an earlier date takes its place"),
                FieldSpec(.opening, .time, "corrects the time the séance was opened"),
                FieldSpec(.closing, .time, "corrects the time of the clôture"),
            ])
        case .seanceUnopen:
            return s("`sea-…`", [])
        case .seanceConvoke:
            return s("`sea-…`", [FieldSpec(.date, .date, required: true, "the day the convocation was sent (« convocation envoyée le »)")])
        case .seancePostpone:
            return s("`sea-…`", [FieldSpec(.date, .date, required: true, "the new date"), FieldSpec(.time, .time, "the new start"),
                                 FieldSpec(.reason, .text)])
        case .seanceOpen:
            return s("`sea-…`", [FieldSpec(.time, .time, "the séance's opening time (« en cours »); the event's timestamp is only when it was typed")])
        case .seanceClose:
            return s("`sea-…`", [FieldSpec(.time, .time, required: true, "clôture, end time")])
        case .seanceReopen, .seanceCancel:
            return s("`sea-…`", [FieldSpec(.reason, .text)])
        case .agendaAdd:
            return s("`item-…`", [FieldSpec(.seance, .reference("séance"), required: true), FieldSpec(.title, .text, required: true)]
                     + agendaFields + [FieldSpec(.position, .integer(FieldRange.position), "1-based; default: last")])
        case .agendaEdit:
            return s("`item-…`", [FieldSpec(.title, .text)] + agendaFields
                     + [FieldSpec(.started, .time, "corrects the time the item last became current")])
        case .agendaMove:
            return s("`item-…`", [FieldSpec(.position, .integer(FieldRange.position), required: true)])
        case .agendaRemove:
            return s("`item-…`", [])
        case .agendaStart:
            return s("`item-…`", [FieldSpec(.time, .time, required: true, "the item becomes current")])
        case .attendanceSet:
            return s("the séance (`sea-…`)", [
                FieldSpec(.member, .reference("membre"), required: true),
                FieldSpec(.status, choices(AttendanceStatus.self), required: true),
                FieldSpec(.proxy, .reference("membre"), "who carries the vote, with `pouvoir`"),
                FieldSpec(.time, .time, "arrival or departure time"),
            ])
        case .attendanceWithdraw:
            return s("the séance (`sea-…`)", [FieldSpec(.member, .reference("membre"), required: true)])
        case .noteAdd:
            return s("`note-…`", [FieldSpec(.seance, .reference("séance"), required: true), FieldSpec(.item, .reference("point")),
                                  FieldSpec(.text, .text, required: true), FieldSpec(.speaker, .reference("membre"))])
        case .noteCorrect:
            return s("`note-…`", [FieldSpec(.text, .text, required: true, "the minutes show the last text; the journal keeps all")])
        case .noteDelete:
            return s("`note-…`", [])
        case .decisionRecord:
            return s("`dec-…`", [FieldSpec(.seance, .reference("séance"), required: true), FieldSpec(.text, .text, required: true),
                                 FieldSpec(.outcome, choices(DecisionOutcome.self), required: true)] + decisionFields)
        case .decisionCorrect:
            return s("`dec-…`", [FieldSpec(.text, .text), FieldSpec(.outcome, choices(DecisionOutcome.self))] + decisionFields)
        case .followupAdd:
            return s("`fol-…`", [FieldSpec(.seance, .reference("séance"), required: true), FieldSpec(.item, .reference("point")),
                                 FieldSpec(.what, .text, required: true), FieldSpec(.owner, .memberOrText), FieldSpec(.due, .date)])
        case .followupDone:
            return s("`fol-…`", [FieldSpec(.date, .date, "default: the event's date")])
        case .followupEdit:
            return s("`fol-…`", [FieldSpec(.what, .text), FieldSpec(.owner, .memberOrText), FieldSpec(.due, .date)])
        case .followupReopen:
            return s("`fol-…`", [])
        case .actionCreate:
            return s("`act-…`", [FieldSpec(.title, .text, required: true)] + actionFields)
        case .actionEdit:
            return s("`act-…`", [FieldSpec(.title, .text)] + actionFields)
        case .actionFinancing:
            return s("`act-…`", [FieldSpec(.financer, .text, required: true), FieldSpec(.amount, .money, required: true, "`0.00` removes the line"),
                                      FieldSpec(.status, choices(FinancingState.self), "`sollicite` (asked) or `acquis` (committed); absent: not said")])
        case .actionProgress:
            return s("`act-…`", [
                FieldSpec(.percent, .integer(FieldRange.percent)), FieldSpec(.indicator, .text, "name of an evaluation indicator"),
                FieldSpec(.value, .text, "the indicator's value"), FieldSpec(.comment, .text),
                FieldSpec(.date, .date, "default: the event's date; at least one of `percent`, `value`, `comment`"),
            ])
        case .rankingOpen:
            return s("`rnk-…`", [FieldSpec(.seance, .reference("séance"), required: true), FieldSpec(.item, .reference("point")),
                                  FieldSpec(.actions, .references("fiche action"), required: true, "the fiches ranked"),
                                  FieldSpec(.method, choices(RankingMethod.self))])
        case .rankingMethod:
            return s("`rnk-…`", [FieldSpec(.method, choices(RankingMethod.self), required: true)])
        case .rankingOrder:
            return s("`rnk-…`", [FieldSpec(.order, .tiers, required: true, "the manual order")])
        case .rankingCriterion:
            return s("`rnk-…`", [FieldSpec(.criterion, .text, required: true, "the criterion's id"), FieldSpec(.name, .text),
                                  FieldSpec(.weight, .fraction, "empty: the criterion is removed")])
        case .rankingScore:
            return s("`rnk-…`", [FieldSpec(.action, .reference("fiche action"), required: true),
                                  FieldSpec(.criterion, .text, required: true), FieldSpec(.score, .fraction, required: true)])
        case .rankingBallot:
            return s("`rnk-…`", [FieldSpec(.member, .reference("membre"), required: true),
                                  FieldSpec(.order, .tiers, "the member's ballot; empty: withdrawn")])
        case .rankingEnvelope:
            return s("`rnk-…`", [FieldSpec(.amount, .money, "empty: no envelope")])
        case .rankingAdopt:
            return s("`rnk-…`", [FieldSpec(.order, .tiers, required: true), FieldSpec(.method, choices(RankingMethod.self), required: true),
                                  FieldSpec(.selected, .references("fiche action"), "the fiches funded"),
                                  FieldSpec(.decision, .reference("décision"), "the decision that adopts it"),
                                  FieldSpec(.parameters, .text), FieldSpec(.tiebreak, .text)])
        }
    }
}

extension EventDraft {
    /// A draft built from the schema: the kind and keys are typed, a nil value is left out. A key
    /// the kind does not declare, or a required field missing, is a programming error.
    public init(_ kind: EventKind, _ entity: String, _ fields: [(FieldKey, String?)]) {
        let schema = kind.schema
        var kept: [(String, String)] = []
        for (key, value) in fields {
            precondition(schema.spec(key) != nil, "« \(key.rawValue) » n'est pas un champ de \(kind.rawValue) (EventSchema)")
            if let value { kept.append((key.rawValue, value)) }
        }
        assert(schema.required.allSatisfy { r in kept.contains { $0.0 == r.rawValue } },
               "champ obligatoire absent d'un \(kind.rawValue) : \(schema.required.map(\.rawValue))")
        self.init(kind.rawValue, entity, kept)
    }

    /// The kind, when this version knows it.
    public var eventKind: EventKind? { EventKind(rawValue: kind) }

    /// The value of `key`, if the draft has it.
    public func value(_ key: FieldKey) -> String? { fields.first { $0.key == key.rawValue }?.value }
}
