/// The documents the secretary sends after a séance, and the files for other programs:
/// the compte rendu and the relevé de décisions (Markdown, HTML, plain text, ODT, PDF), the
/// decisions as open data (CSV, SCDL « Délibérations ») and the séances as an iCalendar file.
///
/// Everything here is pure: a `ProjectState` and options in, bytes out. Writing the file, the
/// command line and the screens are the caller's business.
public enum Export {
    /// The compte rendu of one séance.
    public static func minutes(_ state: ProjectState, meeting: String, format: DocumentFormat,
                               options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        let b = try MinutesBuilder(state, meeting, options)
        let doc = b.minutes()
        return render(doc, format: format, options: options,
                      fileName: "compte-rendu_" + b.fileStem)
    }

    /// La feuille d'émargement of one séance (signature boxes; best printed from the PDF).
    public static func attendanceSheet(_ state: ProjectState, meeting: String, format: DocumentFormat,
                                       options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        let b = try MinutesBuilder(state, meeting, options)
        return render(b.attendanceSheet(), format: format, options: options,
                      fileName: "feuille-emargement_" + b.fileStem)
    }

    /// The convocation of a séance, its pouvoir form on the last page.
    public static func convocation(_ state: ProjectState, meeting: String, format: DocumentFormat,
                                   options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        let b = try MinutesBuilder(state, meeting, options)
        return render(b.convocation(), format: format, options: options, fileName: "convocation_" + b.fileStem)
    }

    /// The pouvoirs of a séance: one page per voting member (the mandant printed), or one member's.
    public static func proxyForms(_ state: ProjectState, meeting: String, member: String? = nil, format: DocumentFormat,
                                  options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        let b = try MinutesBuilder(state, meeting, options)
        if let member, state.members[member] == nil { throw .unknownMember(member) }
        return render(b.proxyForms(member: member), format: format, options: options,
                      fileName: "pouvoir_" + (member.map { MinutesBuilder.slug(state.members[$0]!.name) + "_" } ?? "") + b.fileStem)
    }

    /// A fiche action as a page of the COPIL's dossier.
    public static func actionSheet(_ state: ProjectState, action: String, format: DocumentFormat,
                                   options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        guard let a = state.actions[action] else { throw .unknownAction(action) }
        return render(ActionSheetPage.document(state, a), format: format, options: options,
                      fileName: "fiche-action_" + MinutesBuilder.slug(a.title))
    }

    /// The convocation as an e-mail ready to send (`.eml`): to the members' addresses, the
    /// convocation as its text, its PDF and the séance's iCalendar event attached.
    public static func convocationEmail(_ state: ProjectState, meeting: String, from: String? = nil,
                                        options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        let b = try MinutesBuilder(state, meeting, options)
        let doc = b.convocation().typeset()
        let pdf = PDFRenderer.render(doc, options: options)
        let ics = ICalendarExport.single(state, b.m, b.c, options: CalendarOptions(scope: .all, now: options.now))
        let to = b.seatedMembers.compactMap { m -> EmailMessage.Address? in
            let e = m.email.trimmingCharacters(in: .whitespaces)
            return EmailMessage.isPlausible(e) ? EmailMessage.Address(name: m.name, email: e) : nil
        }
        // The subject as the documents write it (« n° 4 »), with ordinary spaces: a mail header.
        let subject = FrenchTypography.plain(FrenchTypography.apply(Fr.Paperwork.convocationSubject(Fr.meetingName(b.c, b.m), b.m.date)))
        let message = EmailMessage(
            from: from.map { EmailMessage.Address(name: "", email: $0) },
            to: to, subject: subject, date: options.now,
            text: PlainTextRenderer.render(doc, width: 72),
            attachments: [
                .init(fileName: "convocation_" + b.fileStem + ".pdf", mediaType: "application/pdf", bytes: pdf),
                .init(fileName: "seance_" + b.fileStem + ".ics", mediaType: "text/calendar; charset=utf-8; method=PUBLISH", bytes: Array(ics.utf8)),
            ],
            messageID: b.m.id + "." + String(options.now.epochSeconds) + "@seance.invalid")
        return ExportedFile(bytes: message.bytes(), fileName: "convocation_" + b.fileStem + ".eml", mediaType: "message/rfc822")
    }

    /// Whether an address may be written in an e-mail header.
    public static func isPlausibleAddress(_ s: String) -> Bool { EmailMessage.isPlausible(s) }

    /// The members convened who have no usable e-mail address (to warn the secretary).
    public static func membersWithoutAddress(_ state: ProjectState, meeting: String) -> [String] {
        guard let m = state.meetings[meeting], let c = state.committees[m.committee] else { return [] }
        return MinutesBuilder(state, m, c, ExportOptions()).seatedMembers
            .filter { !EmailMessage.isPlausible($0.email.trimmingCharacters(in: .whitespaces)) }.map(\.name)
    }

    /// The relevé de décisions alone: of one séance, or of every séance of a period (all
    /// committees, or one), grouped by séance in date order.
    public static func decisions(_ state: ProjectState, _ scope: DecisionScope, format: DocumentFormat,
                                 options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportedFile {
        switch scope {
        case .meeting(let id):
            let b = try MinutesBuilder(state, id, options)
            return render(b.decisionsOnly(), format: format, options: options,
                          fileName: "releve-de-decisions_" + b.fileStem)
        case .period(let from, let to, let committee):
            let meetings = try DecisionScope.meetings(state, scope)
            let doc = MinutesBuilder.periodDecisions(state, meetings, from: from, to: to, committee: committee, options: options)
            return render(doc, format: format, options: options,
                          fileName: "releve-de-decisions_" + DecisionScope.periodStem(from: from, to: to))
        }
    }

    /// The decisions as a CSV file with the columns of the SCDL « Délibérations » schema.
    public static func decisionsCSV(_ state: ProjectState, _ scope: DecisionScope,
                                    options: SCDLOptions = SCDLOptions()) throws(ExportError) -> ExportedFile {
        let meetings = try DecisionScope.meetings(state, scope)
        let text = SCDLDeliberations.csv(state, meetings: meetings, options: options)
        let stem: String
        switch scope {
        case .meeting(let id): stem = MinutesBuilder.fileStem(state, state.meetings[id]!)
        case .period(let from, let to, _): stem = DecisionScope.periodStem(from: from, to: to)
        }
        return ExportedFile(bytes: Array(text.utf8), fileName: "deliberations_" + stem + ".csv",
                            mediaType: "text/csv; charset=utf-8")
    }

    /// The séances as an iCalendar file (RFC 5545).
    public static func calendar(_ state: ProjectState, options: CalendarOptions = CalendarOptions()) -> ExportedFile {
        let text = ICalendarExport.calendar(state, options: options)
        return ExportedFile(bytes: Array(text.utf8), fileName: "seances.ics", mediaType: "text/calendar; charset=utf-8")
    }

    /// A séance named on the command line: its id, `last` for the most recent séance held or
    /// being held (any committee), `next` for the next one planned from `today`.
    public static func resolveMeeting(_ state: ProjectState, _ ref: String, today: LocalDate? = nil) throws(ExportError) -> String {
        if ref == "next" {
            let from = today ?? Timestamp.now().localDate
            let planned = state.meetings.values.filter { $0.state == .planned && $0.date >= from }
            guard let next = planned.min(by: state.isBefore) else { throw .noPlannedMeeting }
            return next.id
        }
        if ref == "last" {
            let held = state.meetings.values.filter { $0.state == .closed || $0.state == .inProgress }
            guard let last = held.max(by: state.isBefore) else { throw .noHeldMeeting }
            return last.id
        }
        guard state.meetings[ref] != nil else { throw .unknownMeeting(ref) }
        return ref
    }

    static func render(_ document: ExportDocument, format: DocumentFormat, options: ExportOptions, fileName: String) -> ExportedFile {
        let name = fileName + "." + format.fileExtension
        let doc = document.typeset()
        switch format {
        case .md: return ExportedFile(text: MarkdownRenderer.render(doc), fileName: name, mediaType: format.mediaType)
        case .html: return ExportedFile(text: HTMLRenderer.render(doc), fileName: name, mediaType: format.mediaType)
        case .txt: return ExportedFile(text: PlainTextRenderer.render(doc, width: options.textWidth), fileName: name, mediaType: format.mediaType)
        case .odt: return ExportedFile(bytes: ODTRenderer.package(doc, options: options), fileName: name, mediaType: format.mediaType)
        case .pdf: return ExportedFile(bytes: PDFRenderer.render(doc, options: options), fileName: name, mediaType: format.mediaType)
        }
    }
}

/// The formats of the compte rendu and of the relevé de décisions.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case md, html, txt, odt, pdf

    public var fileExtension: String { rawValue }
    public var mediaType: String {
        switch self {
        case .md: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .txt: "text/plain; charset=utf-8"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .pdf: "application/pdf"
        }
    }
}

public struct ExportOptions: Sendable {
    /// The moment of the export: time spent on the current item of a séance in progress, the
    /// dates inside the ODT (meta.xml, ZIP entries) and the PDF (its metadata).
    public var now: Timestamp
    /// When given, open follow-ups whose due date is before it are marked « en retard ».
    public var today: LocalDate?
    /// The ranking adopted at the séance (« Classement adopté »). Rankings are not in the model
    /// yet: the caller builds this from them; nil renders nothing.
    public var ranking: AdoptedRanking?
    /// Columns of the plain-text format.
    public var textWidth: Int
    /// Whether the compte rendu gives each item's « durée effective »: the committee's internal
    /// timings, which the secretary may keep out of what she sends.
    public var effectiveDurations = true

    public init(now: Timestamp = .now(), today: LocalDate? = nil, ranking: AdoptedRanking? = nil, textWidth: Int = 72) {
        self.now = now; self.today = today; self.ranking = ranking; self.textWidth = textWidth
    }
}

/// The hook for the ranking of fiches actions adopted at a séance (hiérarchisation).
public struct AdoptedRanking: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var rank: Int
        public var title: String
        /// The score as it should be printed (« 8,4 / 10 »), if any.
        public var score: String?
        public var cost: Money?
        /// Whether the fiche was funded within the envelope; nil without an envelope.
        public var retained: Bool?
        public init(rank: Int, title: String, score: String? = nil, cost: Money? = nil, retained: Bool? = nil) {
            self.rank = rank; self.title = title; self.score = score; self.cost = cost; self.retained = retained
        }
    }
    /// A sentence on the criteria and weights (« social 40 %, économique 30 %… »).
    public var criteria: String?
    public var entries: [Entry]
    public var envelope: Money?
    public init(criteria: String? = nil, entries: [Entry], envelope: Money? = nil) {
        self.criteria = criteria; self.entries = entries; self.envelope = envelope
    }
}

/// Which decisions: those of one séance, or those of the séances of a period (bounds
/// included; all committees unless one is given). Cancelled séances are left out.
public enum DecisionScope: Equatable, Sendable {
    case meeting(String)
    case period(from: LocalDate?, to: LocalDate?, committee: String? = nil)

    static func meetings(_ st: ProjectState, _ scope: DecisionScope) throws(ExportError) -> [Meeting] {
        switch scope {
        case .meeting(let id):
            guard let m = st.meetings[id] else { throw .unknownMeeting(id) }
            return [m]
        case .period(let from, let to, let committee):
            if let from, let to, to < from { throw .emptyPeriod(from, to) }
            if let committee, st.committees[committee] == nil { throw .unknownCommittee(committee) }
            return st.chronological(st.meetings.values.filter { m in
                m.state != .cancelled
                    && (from.map { m.date >= $0 } ?? true) && (to.map { m.date <= $0 } ?? true)
                    && (committee.map { m.committee == $0 } ?? true)
            })
        }
    }

    static func periodStem(from: LocalDate?, to: LocalDate?) -> String {
        (from?.journalValue ?? "debut") + "_" + (to?.journalValue ?? "fin")
    }
}

/// A document ready to be written: its bytes, a file name to suggest, its media type.
public struct ExportedFile: Equatable, Sendable {
    public var bytes: [UInt8]
    public var fileName: String
    public var mediaType: String
    /// The text, for the text formats (md, html, txt, csv, ics).
    public var text: String? { mediaType.contains("charset=utf-8") ? String(decoding: bytes, as: UTF8.self) : nil }

    public init(bytes: [UInt8], fileName: String, mediaType: String) {
        self.bytes = bytes; self.fileName = fileName; self.mediaType = mediaType
    }
    init(text: String, fileName: String, mediaType: String) {
        self.init(bytes: Array(text.utf8), fileName: fileName, mediaType: mediaType)
    }
}

public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownMeeting(String)
    case unknownCommittee(String)
    case noHeldMeeting
    case emptyPeriod(LocalDate, LocalDate)
    case unknownRanking(String)
    case rankingNotAdopted(String)
    case unknownMember(String)
    case unknownAction(String)
    case noPlannedMeeting

    public var description: String {
        switch self {
        case .unknownMeeting(let id): Fr.Export.unknownMeeting(id)
        case .unknownCommittee(let id): Fr.Problem.unknownCommittee(id)
        case .noHeldMeeting: Fr.Export.noHeldMeeting
        case .emptyPeriod(let f, let t): Fr.Export.badPeriod(f, t)
        case .unknownRanking(let id): "Classement inconnu « \(id) »."
        case .rankingNotAdopted(let id): "Le classement « \(id) » n'a pas encore été adopté."
        case .unknownMember(let id): Fr.Problem.unknownMember(id)
        case .unknownAction(let id): Fr.Paperwork.unknownAction(id)
        case .noPlannedMeeting: "aucune séance à venir dans ce journal"
        }
    }
}

/// The documents of one séance, as the séance screen's export offers them.
public enum SeanceDocument: String, CaseIterable, Sendable {
    case minutes = "compte-rendu", decisions = "releve", convocation, convocationEmail = "convocation-eml"
    case proxy = "pouvoir", attendanceSheet = "emargement"
}

extension Export {
    /// One document of a séance in a format (the e-mail is always an `.eml`).
    public static func seanceDocument(_ kind: SeanceDocument, _ state: ProjectState, meeting: String, format: DocumentFormat,
                                      options: ExportOptions) throws(ExportError) -> ExportedFile {
        switch kind {
        case .minutes:
            var o = options
            o.ranking = state.adoptedRanking(for: meeting)
            return try minutes(state, meeting: meeting, format: format, options: o)
        case .decisions: return try decisions(state, .meeting(meeting), format: format, options: options)
        case .convocation: return try convocation(state, meeting: meeting, format: format, options: options)
        case .convocationEmail: return try convocationEmail(state, meeting: meeting, options: options)
        case .proxy: return try proxyForms(state, meeting: meeting, format: format, options: options)
        case .attendanceSheet: return try attendanceSheet(state, meeting: meeting, format: format, options: options)
        }
    }
}
