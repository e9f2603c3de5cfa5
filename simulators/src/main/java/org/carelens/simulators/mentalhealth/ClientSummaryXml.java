package org.carelens.simulators.mentalhealth;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.carelens.simulators.mentalhealth.ClientSummary.Contact;
import org.carelens.simulators.mentalhealth.ClientSummary.Diagnosis;
import org.carelens.simulators.mentalhealth.ClientSummary.Note;
import org.carelens.simulators.mentalhealth.ClientSummary.RiskFlag;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * Writes the trust's XML documents: the client summary and the error body. The element and
 * attribute names are this simulated supplier's own (RiO-style); the adapter documents the same
 * shape from the consumer side.
 */
final class ClientSummaryXml {

  static final String NAMESPACE = "urn:riverside-mh:rio:api:v2";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  private ClientSummaryXml() {}

  static String summary(ClientSummary summary) {
    return write(
        xml -> {
          xml.writeStartElement("ClientSummary");
          xml.writeDefaultNamespace(NAMESPACE);
          xml.writeAttribute("schemaVersion", "2.3");
          element(xml, "Provider", MentalHealthSimulator.TRUST_NAME, "odsCode", "RXY");
          client(xml, summary.patient(), summary.rioId());
          ClientSummary.CareCoordinator c = summary.coordinator();
          xml.writeStartElement("CareCoordinator");
          xml.writeAttribute("staffId", c.staffId());
          xml.writeAttribute("since", c.from().toString());
          text(xml, "Name", c.name());
          text(xml, "Profession", c.profession());
          text(xml, "Team", c.team());
          text(xml, "Telephone", c.phone());
          xml.writeEndElement();
          xml.writeEmptyElement("CareProgrammeApproach");
          xml.writeAttribute("status", summary.cpa() ? "CPA" : "NON_CPA");
          xml.writeAttribute("lastReview", summary.cpaLastReview().toString());
          xml.writeAttribute("nextReview", summary.cpaNextReview().toString());
          xml.writeStartElement("RiskFlags");
          for (RiskFlag r : summary.risks()) {
            xml.writeStartElement("RiskFlag");
            xml.writeAttribute("id", r.id());
            xml.writeAttribute("category", r.category());
            xml.writeAttribute("status", r.active() ? "ACTIVE" : "INACTIVE");
            xml.writeAttribute("recorded", r.recorded().toString());
            code(xml, SNOMED, r.snomedCode(), r.display());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeStartElement("Diagnoses");
          for (Diagnosis d : summary.diagnoses()) {
            xml.writeStartElement("Diagnosis");
            xml.writeAttribute("id", d.id());
            xml.writeAttribute("status", d.status());
            xml.writeAttribute("primary", String.valueOf(d.primary()));
            xml.writeAttribute("diagnosed", d.diagnosed().toString());
            code(xml, ICD10, d.icd10(), d.icd10Display());
            code(xml, SNOMED, d.snomedCode(), d.snomedDisplay());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeStartElement("Contacts");
          for (Contact ct : summary.contacts()) {
            xml.writeStartElement("Contact");
            xml.writeAttribute("id", ct.id());
            xml.writeAttribute("setting", ct.setting());
            xml.writeAttribute("start", ct.date().toString());
            Optional<LocalDate> end = ct.endDate();
            if (end.isPresent()) {
              xml.writeAttribute("end", end.get().toString());
            }
            code(xml, SNOMED, ct.snomedCode(), ct.display());
            text(xml, "Clinician", ct.clinician());
            text(xml, "Location", ct.location());
            text(xml, "Outcome", ct.outcome());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeStartElement("ClinicalNotes");
          for (Note n : summary.notes()) {
            xml.writeStartElement("Note");
            xml.writeAttribute("id", n.id());
            xml.writeAttribute("date", n.date().toString());
            // RiO marks progress notes confidential to the trust unless released.
            xml.writeAttribute("sensitive", "true");
            text(xml, "Author", n.author());
            text(xml, "Title", n.title());
            text(xml, "Text", n.text());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  static String error(String code, String message) {
    return write(
        xml -> {
          xml.writeStartElement("Error");
          xml.writeDefaultNamespace(NAMESPACE);
          text(xml, "Code", code);
          text(xml, "Message", message);
          xml.writeEndElement();
        });
  }

  private static void client(XMLStreamWriter xml, SyntheticPatient p, String rioId)
      throws XMLStreamException {
    xml.writeStartElement("Client");
    xml.writeAttribute("rioId", rioId);
    text(xml, "NhsNumber", p.nhsNumber().value());
    xml.writeEmptyElement("Name");
    xml.writeAttribute("title", p.title());
    xml.writeAttribute("given", p.given());
    xml.writeAttribute("family", p.family());
    text(xml, "DateOfBirth", p.birthDate().toString());
    text(xml, "Gender", p.gender().name());
    text(xml, "Address", p.address().oneLine());
    text(xml, "Telephone", p.telephone());
    xml.writeEndElement();
  }

  private static void code(XMLStreamWriter xml, String system, String code, String display)
      throws XMLStreamException {
    xml.writeEmptyElement("Code");
    xml.writeAttribute("system", system);
    xml.writeAttribute("code", code);
    xml.writeAttribute("display", display);
  }

  private static void text(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static void element(
      XMLStreamWriter xml, String name, String value, String attribute, String attributeValue)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeAttribute(attribute, attributeValue);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the client summary XML", e);
    }
    return out.toString();
  }
}
