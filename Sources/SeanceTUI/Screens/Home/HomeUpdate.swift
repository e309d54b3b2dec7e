import SeanceModel

/// The home screens: welcome, the dashboard of committees, a committee (members and séances),
/// the axes.
extension App {
    static func welcome(_ w: WelcomeState, _ cmd: Command, _ ctx: Context) -> Transition<WelcomeState> {
        Transition(w) { s, w in
            switch cmd {
            case .up: w.selection = max(0, w.selection - 1)
            case .down: w.selection = min(2, w.selection + 1)
            case .createProject: w.selection = 0; s.push(.form(.project(nil, purpose: .createProject))); return []
            case .openDemo: return [.openDemo]
            case .open:
                switch w.selection {
                case 0: s.push(.form(.project(nil, purpose: .createProject))); return []
                case 1: return [.openDemo]
                default: s.quit(); return []
                }
            default: break
            }
            return []
        }
    }

    static func dashboard(_ d: DashboardState, _ cmd: Command, _ ctx: Context) -> Transition<DashboardState> {
        Transition(d) { s, d in
            let committees = ctx.domain.activeCommittees
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last: move(&d.list, cmd, count: committees.count)
            case .open:
                guard d.list.selection < committees.count else { return [] }
                s.push(.committee(CommitteeState(committee: committees[d.list.selection].id)))
            case .newCommittee:
                guard requireWritable(&s, ctx) else { return [] }
                s.push(.form(.committee(nil, axes: ctx.domain.activeAxes)))
            case .editProject:
                guard requireWritable(&s, ctx) else { return [] }
                s.push(.form(.project(ctx.domain.project, purpose: .editProject)))
            case .axes:
                s.push(.axes(ListState()))
            case .history: s.push(.history(HistoryState()))
            case .search: s.push(.search(SearchState()))
            case .followUpsScreen: s.push(.followUps(FollowUpsState()))
            case .participation: s.push(.participation(ParticipationState()))
            case .actionsScreen: s.push(.actions(ActionsState()))
            case .importFile:
                let selected = d.list.selection < committees.count ? committees[d.list.selection].id : nil
                s.push(.form(.importFile(committees: committees, selected: selected)))
            case .editCommittee:
                guard d.list.selection < committees.count, requireWritable(&s, ctx) else { break }
                s.push(.form(.committee(committees[d.list.selection], axes: ctx.domain.activeAxes)))
            case .retire:
                guard d.list.selection < committees.count, requireWritable(&s, ctx) else { break }
                let c = committees[d.list.selection]
                s.push(.confirm(ConfirmState(question: "Retirer le comité « \(c.name) » ? Ses séances restent dans l'historique.",
                                             drafts: (try? Commands.retire(ctx.domain, .committeeRetire, c.id).get()) ?? [])))
            default: break
            }
            return []
        }
    }

    static func committee(_ c: CommitteeState, _ cmd: Command, _ ctx: Context) -> Transition<CommitteeState> {
        Transition(c) { s, c in
            let members = ctx.domain.members(of: c.committee)
            let meetings = ctx.domain.meetings(of: c.committee)
            let effects: [Effect] = []
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last:
                if c.pane == .members { move(&c.members, cmd, count: members.count) } else { move(&c.meetings, cmd, count: meetings.count) }
            case .switchPane: c.pane = c.pane == .members ? .meetings : .members
            case .back: s.pop(); return []
            case .newMember:
                guard requireWritable(&s, ctx) else { break }
                s.push(.form(.member(nil, committee: c.committee)))
                return []
            case .addPerson:
                guard requireWritable(&s, ctx) else { break }
                let st = ctx.domain
                let options = st.personsNotOn(c.committee).map { p in
                    var label = p.identity.name
                    if !p.identity.organisation.isEmpty { label += " (\(p.identity.organisation))" }
                    label += " — " + p.seats.compactMap { st.committees[$0.committee]?.name }.joined(separator: ", ")
                    return PickerState.Option(id: p.id, label: label)
                }
                guard !options.isEmpty else {
                    s.status = StatusLine(text: "Personne d'un autre comité à ajouter : toutes y siègent déjà (n pour un nouveau membre).", role: .warning)
                    break
                }
                s.push(.picker(PickerState(title: "Ajouter une personne d'un autre comité", purpose: .seat(committee: c.committee), options: options)))
                return []
            case .ranking:
                let target = meetings.last { $0.state == .inProgress } ?? meetings.last { $0.state == .planned }
                guard let target else {
                    s.status = StatusLine(text: "Aucune séance à venir ou en cours : s pour en préparer une.", role: .warning)
                    break
                }
                let item = target.agenda.first { ctx.domain.agendaItems[$0]?.kind == .hierarchisation }
                return openRanking(&s, meeting: target.id, item: item, ctx)
            case .newMeeting:
                guard requireWritable(&s, ctx) else { break }
                s.push(.form(.newMeeting(committee: c.committee, today: ctx.today)))
                return []
            case .edit where c.pane == .meetings:
                guard c.meetings.selection < meetings.count else { break }
                s.push(.meeting(MeetingState(meeting: meetings[c.meetings.selection].id)))
                return []
            case .edit:
                guard c.pane == .members, c.members.selection < members.count, requireWritable(&s, ctx) else { break }
                let m = members[c.members.selection]
                let elsewhere = ctx.domain.otherSeats(of: m.id).compactMap { ctx.domain.committees[$0.committee]?.name }
                s.push(.form(.member(m, committee: c.committee, elsewhere: elsewhere)))
                return []
            case .retire:
                guard c.pane == .members, c.members.selection < members.count, requireWritable(&s, ctx) else { break }
                let m = members[c.members.selection]
                s.push(.confirm(ConfirmState(question: "Retirer \(m.name) du comité ? Ses présences passées restent dans les séances.",
                                             drafts: (try? Commands.retire(ctx.domain, .memberRetire, m.id).get()) ?? [])))
                return []
            case .editCommittee:
                guard requireWritable(&s, ctx), let com = ctx.domain.committees[c.committee] else { break }
                s.push(.form(.committee(com, axes: ctx.domain.activeAxes)))
                return []
            default: break
            }
            return effects
        }
    }

    static func axes(_ l: ListState, _ cmd: Command, _ ctx: Context) -> Transition<ListState> {
        Transition(l) { s, l in
            let axes = ctx.domain.activeAxes
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last: move(&l, cmd, count: axes.count)
            case .back: s.pop(); return []
            case .newAxis:
                guard requireWritable(&s, ctx) else { break }
                s.push(.form(.axis(nil, next: (axes.map(\.number).max() ?? 0) + 1)))
                return []
            case .edit:
                guard l.selection < axes.count, requireWritable(&s, ctx) else { break }
                s.push(.form(.axis(axes[l.selection], next: 0)))
                return []
            case .retire:
                guard l.selection < axes.count, requireWritable(&s, ctx) else { break }
                let a = axes[l.selection]
                s.push(.confirm(ConfirmState(question: "Retirer l'axe \(a.number) « \(a.title) » ?", drafts: (try? Commands.retire(ctx.domain, .axisRetire, a.id).get()) ?? [])))
                return []
            default: break
            }
            return []
        }
    }
}
