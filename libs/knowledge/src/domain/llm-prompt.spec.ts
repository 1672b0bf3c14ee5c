import { AskLlmInput, buildChatCompletion, LLM_HISTORY_TURNS } from './llm-prompt';

const faqs = [
  { question: 'What is the delivery time?', answer: 'Two to three working days.' },
  { question: 'Do you ship abroad?', answer: 'Yes, to the EU.' },
  { question: 'Which payment methods?', answer: 'Cards and bank transfer.' },
  { question: 'Do you have a showroom?', answer: 'No.' },
];

const history: AskLlmInput['history'] = [
  { role: 'customer', text: 'Hi, how long does delivery take?' },
  { role: 'bot', text: 'Hello! Let me check.' },
  { role: 'agent', text: 'Usually two days.' },
  { role: 'customer', text: 'And to Spain?' },
];

describe('LLM prompt', () => {
  it('builds a reply: the sales-assistant prompt, the top three FAQs, then the history as user/assistant turns in order', () => {
    const body = buildChatCompletion('gpt-4o-mini', { purpose: 'reply', faqs, history });
    expect(body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.2, max_tokens: 300 });
    const [system, context, ...turns] = body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toMatch(/sales assistant/);
    expect(system.content).toMatch(/customer's language/);
    expect(system.content).toMatch(/only the facts in the FAQ context/);
    expect(system.content).toMatch(/pass the question to a colleague/);
    expect(context).toEqual({
      role: 'system',
      content: 'FAQ context:\n1. Q: What is the delivery time?\n   A: Two to three working days.\n2. Q: Do you ship abroad?\n   A: Yes, to the EU.\n3. Q: Which payment methods?\n   A: Cards and bank transfer.',
    });
    expect(turns).toEqual([
      { role: 'user', content: 'Hi, how long does delivery take?' },
      { role: 'assistant', content: 'Hello! Let me check.' },
      { role: 'assistant', content: 'Usually two days.' },
      { role: 'user', content: 'And to Spain?' },
    ]);
  });

  it('builds a summary for the agent, saying when there is no FAQ context', () => {
    const body = buildChatCompletion('llama3', { purpose: 'summary', faqs: [], history });
    expect(body).toMatchObject({ model: 'llama3', temperature: 0.2, max_tokens: 200 });
    expect(body.messages[0].content).toMatch(/Summarise this conversation .* in 2–3 sentences for the sales agent/);
    expect(body.messages[1]).toEqual({ role: 'system', content: 'FAQ context: none.' });
    expect(body.messages.slice(2).map((message) => message.content)).toEqual(history.map((turn) => turn.text));
  });

  it('keeps only the latest turns of a long conversation', () => {
    const long = Array.from({ length: LLM_HISTORY_TURNS + 5 }, (_, index) => ({ role: 'customer' as const, text: `message ${index}` }));
    const turns = buildChatCompletion('m', { purpose: 'reply', faqs: [], history: long }).messages.slice(2);
    expect(turns).toHaveLength(LLM_HISTORY_TURNS);
    expect(turns[0].content).toBe('message 5');
    expect(turns[LLM_HISTORY_TURNS - 1].content).toBe(`message ${LLM_HISTORY_TURNS + 4}`);
  });
});
