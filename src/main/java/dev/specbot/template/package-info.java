/**
 * Spec templates: reads a team's markdown template as it is and turns it into an interview
 * (questions, groups, fields the bot fills itself), and renders the answers back into the finished
 * document, with what the bot knows besides: the meeting, the status and the spec's review (its
 * checklist steps ticked, a revision log row per review event, or a Review section at the end).
 *
 * <p>Plain Java: nothing here knows of Slack, storage, meetings or the review process; what the
 * document shows of them comes in plain values ({@link dev.specbot.template.RenderContext}, {@link
 * dev.specbot.template.ReviewRecord}). This package holds what the rest of the bot uses: {@link
 * dev.specbot.template.TemplateCatalog} loads the built-in and custom templates, {@link
 * dev.specbot.template.Template} is the interview one template yields, and {@link
 * dev.specbot.template.SpecRenderer} assembles a document from answers, part by part of the
 * template's layout ({@link dev.specbot.template.Part}). Reading a template file is in {@link
 * dev.specbot.template.parse}; the markdown both sides handle is in {@link
 * dev.specbot.template.markdown}.
 */
package dev.specbot.template;
