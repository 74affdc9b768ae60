// Response headers as a name / value table.
import type { SendResult } from '../../shared/http';

export function HeadersTable({ headers, hidden }: { headers: SendResult['headers']; hidden: boolean }) {
  return (
    <table className="headers" data-testid="response-headers" hidden={hidden}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
