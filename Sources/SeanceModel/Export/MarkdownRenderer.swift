/// The document as Markdown (CommonMark with pipe tables, as pandoc and GitHub read it).
/// Text is escaped so that nothing in a note can become markup: a line starting with « 1. »
/// or « # », an asterisk, a bracket, an HTML tag.
enum MarkdownRenderer {
    static func render(_ doc: ExportDocument) -> String {
        var out: [String] = []
        if let k = doc.kicker { out.append("*" + escape(k) + "*") }
        out.append("# " + escape(doc.title))
        if let s = doc.subtitle { out.append("**" + escape(s) + "**") }
        for (i, b) in doc.blocks.enumerated() {
            // A decision and its details make one quote, in two paragraphs.
            if case .paragraph(_, .decisionDetail) = b, i > 0, case .paragraph(_, .decision) = doc.blocks[i - 1], !out.isEmpty {
                out[out.count - 1] += "\n>\n" + block(b)
            } else {
                out.append(block(b))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func block(_ b: DocBlock) -> String {
        switch b {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, level)) + " " + escape(text)
        case .paragraph(let spans, let style):
            let text = inline(spans)
            switch style {
            case .note: return text
            case .decision: return "> " + text.exportReplacingNewlines(with: "\n> ")
            case .decisionDetail: return "> " + text.exportReplacingNewlines(with: "\n> ")
            case .body, .quiet: return text
            }
        case .fields(let fields):
            return fields.map { "- **" + escape($0.labelWithColon) + "** " + escape($0.value) }.joined(separator: "\n")
        case .list(let items, let numbered):
            return items.enumerated().map { i, spans in
                let marker = numbered ? "\(i + 1). " : "- "
                let pad = String(repeating: " ", count: marker.count)
                return marker + inline(spans).exportReplacingNewlines(with: "\n" + pad)
            }.joined(separator: "\n")
        case .table(let t):
            func row(_ cells: [String]) -> String {
                "| " + cells.map { escape($0).exportReplacingNewlines(with: "<br>") }.joined(separator: " | ") + " |"
            }
            return ([row(t.header), "|" + t.header.map { _ in " --- |" }.joined()] + t.rows.map(row)).joined(separator: "\n")
        case .pageBreak:
            return "* * *"
        }
    }

    /// Spans with their emphasis; a line break inside a span is a hard break (a backslash at
    /// the end of the line).
    static func inline(_ spans: [DocSpan]) -> String {
        var out = ""
        for s in spans {
            let lines = s.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() {
                if i > 0 { out += "\\\n" }
                // Emphasis markers must touch the text: keep the spaces outside.
                let core = line.exportTrimmed
                let lead = line.prefix(while: { $0 == " " }), trail = String(line.reversed().prefix(while: { $0 == " " }))
                let atStart = out.isEmpty || out.hasSuffix("\n")
                // Spaces opening a line could make an indented code block: they go.
                let before = atStart ? "" : String(lead)
                if core.isEmpty { out += before; continue }
                let e = escape(String(core), lineStart: atStart)
                switch s.style {
                case .plain: out += before + e + trail
                case .strong: out += before + "**" + e + "**" + trail
                case .emphasis: out += before + "*" + e + "*" + trail
                }
            }
        }
        return out
    }

    /// Backslash-escapes the ASCII punctuation that Markdown could read as markup; at the start
    /// of a line, also what would open a heading, a list, a quote or a rule.
    static func escape(_ s: String, lineStart: Bool = true) -> String {
        var out = ""
        var atLineStart = lineStart
        var digitsRun = ""
        for ch in s {
            if ch == "\n" { out.append(ch); atLineStart = true; digitsRun = ""; continue }
            if atLineStart {
                if ch.isASCII && ch.isNumber { digitsRun.append(ch); out.append(ch); continue }
                if !digitsRun.isEmpty {
                    if ch == "." || ch == ")" { out += "\\" }
                    out.append(ch); atLineStart = false; digitsRun = ""; continue
                }
                if ch == " " { continue }
                if "#-+=>~".contains(ch) { out += "\\" + String(ch); atLineStart = false; continue }
                atLineStart = false
            }
            if "\\`*_[]<>|&".contains(ch) { out += "\\" + String(ch) } else { out.append(ch) }
        }
        return out
    }
}

extension StringProtocol {
    var exportTrimmed: SubSequence {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return self[endIndex...] }
        return self[first...last]
    }
    func exportReplacingNewlines(with s: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: s)
    }
}
